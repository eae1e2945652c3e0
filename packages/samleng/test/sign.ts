/** Signs a `<samleng-pledge>` form as a reader does: typing (an `input` event per field), ticking, sending. */
export function signPledge(el: HTMLElement, name = 'Ana Example', email = 'ana@example.org'): boolean {
  const root = el.shadowRoot!;
  const form = root.querySelector('form');
  if (!form) return false;
  for (const [id, value] of [
    ['name', name],
    ['email', email],
  ] as const) {
    const input = root.querySelector<HTMLInputElement>(`#${id}`);
    if (!input) continue;
    input.value = value;
    input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  }
  const consent = root.querySelector<HTMLInputElement>('#consent');
  if (consent && !consent.checked) consent.click();
  root.querySelector<HTMLButtonElement>('button[type=submit]')?.click();
  return true;
}
