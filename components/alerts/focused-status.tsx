"use client";
import { useEffect, useRef, type ReactNode } from "react";

/**
 * A message that replaces the form that produced it: announced (role="status") and focused, so
 * keyboard and screen-reader users land on it instead of the top of the page.
 */
export function FocusedStatus({ children, tone = "success" }: { children: ReactNode; tone?: "success" | "error" }) {
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => ref.current?.focus(), []);
  const colours = tone === "success" ? "border-green-300 bg-green-50 text-green-900" : "border-red-300 bg-red-50 text-red-900";
  return (
    <p ref={ref} tabIndex={-1} role={tone === "success" ? "status" : "alert"} className={`rounded-md border px-3 py-2 ${colours}`}>
      {children}
    </p>
  );
}
