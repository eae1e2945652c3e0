/**
 * Intl objects, one per constructor, locale and options: building one costs far more than formatting
 * with it, and a countdown formats every second.
 */
const cache = new Map<string, unknown>();

export function intl<T, O>(Ctor: new (locale: string, options?: O) => T, locale: string, options?: O): T {
  const key = `${Ctor.name} ${locale} ${JSON.stringify(options)}`;
  let value = cache.get(key) as T | undefined;
  if (!value) cache.set(key, (value = new Ctor(locale, options)));
  return value;
}
