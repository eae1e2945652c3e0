/**
 * Copies text for readers without a mail client or a share sheet. The Clipboard API first; where it
 * is missing or refused (an insecure page, an old browser, a permission policy), the older
 * select-and-`execCommand('copy')` route, which still works in every engine inside a click.
 */
export async function copyText(text: string, container: Node & ParentNode): Promise<boolean> {
  try {
    if (navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Fall through to the older route.
  }
  const active = (container.getRootNode() as Document | ShadowRoot).activeElement as HTMLElement | null;
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.setAttribute('aria-hidden', 'true');
  area.tabIndex = -1;
  area.style.cssText = 'position:fixed;top:0;left:0;width:1px;height:1px;opacity:0;';
  container.append(area);
  area.select();
  let copied = false;
  try {
    copied = document.execCommand('copy');
  } catch {
    copied = false;
  }
  area.remove();
  active?.focus();
  return copied;
}
