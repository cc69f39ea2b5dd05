"use client";
/**
 * A box for a wide table or block of code: on a narrow screen it scrolls sideways inside the box,
 * never the page. While its content overflows, it is a named, focusable region, so that keyboard
 * users can scroll it too (WCAG 2.1.1), and a shadow on the hidden side says there is more;
 * otherwise it adds no tab stop.
 */
import { useEffect, useRef, useState } from "react";

export function ScrollBox({ label, children }: { label: string; children: React.ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const [overflows, setOverflows] = useState(false);
  useEffect(() => {
    const box = ref.current;
    if (!box) return;
    const measure = () => setOverflows(box.scrollWidth > box.clientWidth + 1);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(box);
    return () => observer.disconnect();
  }, []);
  return (
    <div
      ref={ref}
      className={`max-w-full overflow-x-auto${overflows ? " scroll-shadows" : ""}`}
      {...(overflows ? { role: "region", "aria-label": label, tabIndex: 0 } : {})}
    >
      {children}
    </div>
  );
}
