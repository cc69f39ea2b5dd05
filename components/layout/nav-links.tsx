"use client";
/** A menu's links, the current page's marked with aria-current (and in bold) — see lib/navigation.ts. */
import Link from "next/link";
import { usePathname } from "next/navigation";
import { currentness, type NavItem } from "@/lib/navigation";

export function NavLinks({ items, className }: { items: readonly NavItem[]; className?: string }) {
  const marks = currentness(usePathname() ?? "", items);
  return (
    <ul className={className}>
      {items.map((item, index) => (
        <li key={item.href}>
          <Link href={item.href} aria-current={marks[index]} className="aria-[current]:font-bold aria-[current]:text-ink">
            {item.label}
          </Link>
        </li>
      ))}
    </ul>
  );
}
