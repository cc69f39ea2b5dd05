"use client";
/** While a job's step runs, reloads the page's server data every second (progress, then the report). */
import { useRouter } from "next/navigation";
import { useEffect } from "react";

export function ImportJobPolling({ isActive }: { isActive: boolean }) {
  const router = useRouter();
  useEffect(() => {
    if (!isActive) return;
    const timer = window.setInterval(() => router.refresh(), 1_000);
    return () => window.clearInterval(timer);
  }, [isActive, router]);
  return null;
}
