/**
 * Which menu entry the current page belongs to (client-safe): the entry for this very page gets
 * aria-current="page", the entry of the section it is in (a zone of /admin/zones) "true".
 */
export interface NavItem {
  href: string;
  label: string;
  /** Only this exact path is the entry's page (a home or dashboard above the other entries). */
  exact?: boolean;
  /** Other paths of the entry's section ("/recherche" for the search). */
  also?: readonly string[];
}

export type Currentness = "page" | "true" | undefined;

const within = (pathname: string, prefix: string) => pathname === prefix || pathname.startsWith(`${prefix}/`);

/** aria-current of each item, in order: at most one of them is marked. */
export function currentness(pathname: string, items: readonly NavItem[]): Currentness[] {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, "") : pathname;
  let best = -1;
  let bestLength = -1;
  items.forEach((item, index) => {
    const prefixes = [...(item.exact ? [] : [item.href]), ...(item.also ?? [])].filter((prefix) => prefix !== "/");
    const length = path === item.href ? Infinity : Math.max(-1, ...prefixes.filter((prefix) => within(path, prefix)).map((prefix) => prefix.length));
    if (length > bestLength) {
      best = index;
      bestLength = length;
    }
  });
  return items.map((item, index) => (index !== best || bestLength < 0 ? undefined : path === item.href ? "page" : "true"));
}
