"use client";
/**
 * Focus on the page's heading after a search suggestion was chosen: the suggestion opens its page
 * with a full load (the focus would start at the top of the document), so the search box leaves a
 * note naming that page in sessionStorage, and the page, once loaded, moves the focus to its h1.
 * Screen readers then read the new page's title; Tab goes on from there. Any other arrival (a
 * link, a reload, the back button) finds no note and leaves the focus alone.
 */
import { useEffect } from "react";

const KEY = "fibre-pro:focus-heading";

const pathOf = (url: string) => decodeURIComponent(new URL(url, window.location.href).pathname);

/** Called just before opening `url`. */
export function focusHeadingAfterOpening(url: string): void {
  try {
    window.sessionStorage.setItem(KEY, pathOf(url));
  } catch {
    // Storage refused (private mode, quota): the page opens, the focus starts at the top.
  }
}

export function HeadingFocus() {
  useEffect(() => {
    let target: string | null = null;
    try {
      target = window.sessionStorage.getItem(KEY);
      window.sessionStorage.removeItem(KEY);
    } catch {
      return;
    }
    if (target === null || target !== pathOf(window.location.href)) return;
    const heading = document.querySelector<HTMLElement>("main h1, [role='main'] h1");
    if (!heading) return;
    if (!heading.hasAttribute("tabindex")) heading.setAttribute("tabindex", "-1");
    heading.focus();
  }, []);
  return null;
}
