"use client";
import { useEffect, useState } from "react";
import type { SearchResult } from "@/lib/search/types";

export type SuggestionStatus = "idle" | "loading" | "done" | "error";

export interface Suggestions {
  status: SuggestionStatus;
  results: SearchResult[];
}

interface Answer {
  query: string;
  isError: boolean;
  results: SearchResult[];
}

const MIN_LENGTH = 2;
const DEBOUNCE_MS = 150;

/** Suggestions for what is typed: debounced, and a newer keystroke aborts the request in flight. */
export function useSuggestions(query: string, limit = 8): Suggestions {
  const [answer, setAnswer] = useState<Answer>({ query: "", isError: false, results: [] });
  const trimmed = query.trim();
  const isSearchable = trimmed.length >= MIN_LENGTH;

  useEffect(() => {
    if (!isSearchable) return;
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      try {
        const params = new URLSearchParams({ q: trimmed, limit: String(limit) });
        const response = await fetch(`/api/v1/search?${params}`, { signal: controller.signal });
        if (!response.ok) throw new Error(`search answered ${response.status}`);
        const body = (await response.json()) as { results: SearchResult[] };
        setAnswer({ query: trimmed, isError: false, results: body.results });
      } catch (error) {
        if (controller.signal.aborted) return;
        console.warn(error);
        setAnswer({ query: trimmed, isError: true, results: [] });
      }
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [trimmed, isSearchable, limit]);

  if (!isSearchable) return { status: "idle", results: [] };
  // While a newer query is pending, keep showing the last answer so the list does not flicker.
  if (answer.query !== trimmed) return { status: "loading", results: answer.results };
  return { status: answer.isError ? "error" : "done", results: answer.results };
}
