/**
 * A memo for pure string functions called once per imported line on values that repeat (street
 * names, commune names): a Map forgotten whole when it reaches `max` entries, so memory stays
 * bounded whatever the file.
 */
export function memoizeString<T>(fn: (input: string) => T, max = 20_000): (input: string) => T {
  let cache = new Map<string, T>();
  return (input) => {
    const known = cache.get(input);
    if (known !== undefined) return known;
    const value = fn(input);
    if (cache.size >= max) cache = new Map();
    cache.set(input, value);
    return value;
  };
}
