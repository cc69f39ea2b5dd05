"use client";
/**
 * The search box: an ARIA 1.2 combobox with a listbox popup (list autocomplete, manual
 * selection). Without JavaScript it is a plain form to /recherche.
 */
import { useId, useState } from "react";
import { focusHeadingAfterOpening } from "@/components/layout/heading-focus";
import { useSuggestions, type SuggestionStatus } from "@/components/search/use-suggestions";
import { resultDetail, resultTypeLabel } from "@/lib/search/describe";
import { SEARCH_EXAMPLES } from "@/lib/search/examples";
import type { SearchResult } from "@/lib/search/types";

interface SearchBoxProps {
  defaultValue?: string;
  /** Autofocus on pages whose first task is searching. */
  autoFocus?: boolean;
}

export function SearchBox({ defaultValue = "", autoFocus = false }: SearchBoxProps) {
  const id = useId();
  const inputId = `${id}-input`;
  const listId = `${id}-list`;
  const hintId = `${id}-hint`;
  const [query, setQuery] = useState(defaultValue);
  const [isOpen, setIsOpen] = useState(false);
  const [activeIndex, setActiveIndex] = useState(-1);
  const suggestions = useSuggestions(query);
  const results = suggestions.results;
  const isExpanded = isOpen && results.length > 0;
  const optionId = (index: number) => `${id}-option-${index}`;

  function open(result: SearchResult) {
    setIsOpen(false);
    focusHeadingAfterOpening(result.url);
    window.location.assign(result.url);
  }

  function onKeyDown(event: React.KeyboardEvent<HTMLInputElement>) {
    switch (event.key) {
      case "ArrowDown":
        event.preventDefault();
        setIsOpen(true);
        setActiveIndex((index) => (results.length ? (index + 1) % results.length : -1));
        break;
      case "ArrowUp":
        event.preventDefault();
        setIsOpen(true);
        setActiveIndex((index) => (results.length ? (index <= 0 ? results.length - 1 : index - 1) : -1));
        break;
      case "Enter": {
        const active = isExpanded ? results[activeIndex] : undefined;
        if (active) {
          event.preventDefault();
          open(active);
        }
        break;
      }
      case "Escape":
        if (isExpanded) {
          event.preventDefault();
          setIsOpen(false);
          setActiveIndex(-1);
        } else {
          setQuery("");
        }
        break;
    }
  }

  return (
    <form role="search" action="/recherche" method="get" className="relative" aria-label="Recherche">
      <label htmlFor={inputId} className="block text-lg font-semibold">
        Rechercher une adresse, une zone d&apos;activités, une commune ou une entreprise
      </label>
      <p id={hintId} className="mt-1 text-sm text-muted">
        Par exemple {quoted(SEARCH_EXAMPLES.address)}, {quoted(SEARCH_EXAMPLES.zone)}, {quoted(SEARCH_EXAMPLES.postcode)}, un nom
        d&apos;entreprise ou un numéro SIRET. Utilisez les flèches pour parcourir les suggestions.
      </p>
      <div className="relative mt-3 flex gap-2">
        <div className="min-w-0 flex-1">
          <input
            id={inputId}
            name="q"
            type="text"
            role="combobox"
            aria-autocomplete="list"
            aria-expanded={isExpanded}
            aria-controls={listId}
            aria-activedescendant={isExpanded && activeIndex >= 0 ? optionId(activeIndex) : undefined}
            aria-describedby={hintId}
            autoComplete="off"
            spellCheck={false}
            autoFocus={autoFocus}
            maxLength={100}
            value={query}
            onChange={(event) => {
              setQuery(event.target.value);
              setIsOpen(true);
              setActiveIndex(-1);
            }}
            onKeyDown={onKeyDown}
            onFocus={() => setIsOpen(true)}
            onBlur={() => setIsOpen(false)}
            className="w-full rounded-md border-2 border-muted bg-white px-3 py-3 text-base focus:border-brand-700"
          />
          <ul
            id={listId}
            role="listbox"
            aria-label="Suggestions"
            hidden={!isExpanded}
            className="absolute left-0 right-0 top-full z-20 mt-1 max-h-80 overflow-auto rounded-md border border-line bg-white py-1 shadow-lg"
          >
            {results.map((result, index) => (
              <li
                key={`${result.type}-${result.id}`}
                id={optionId(index)}
                role="option"
                aria-selected={index === activeIndex}
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => open(result)}
                onMouseEnter={() => setActiveIndex(index)}
                className={`cursor-pointer px-3 py-2 ${index === activeIndex ? "bg-brand-700 text-white" : "text-ink"}`}
              >
                <span className={`mr-2 text-xs font-semibold uppercase ${index === activeIndex ? "text-white" : "text-muted"}`}>
                  {resultTypeLabel(result)}
                </span>
                <span className="font-medium">{result.label}</span>
                {resultDetail(result) && (
                  <span className={`ml-2 text-sm ${index === activeIndex ? "text-white" : "text-muted"}`}>
                    {resultDetail(result)}
                  </span>
                )}
              </li>
            ))}
          </ul>
        </div>
        <button
          type="submit"
          className="rounded-md bg-brand-700 px-4 py-3 font-semibold text-white hover:bg-brand-800"
        >
          Rechercher
        </button>
      </div>
      <p role="status" aria-live="polite" className="sr-only">
        {statusMessage(suggestions.status, results.length, isOpen)}
      </p>
    </form>
  );
}

/** French quotation marks, held to the text by no-break spaces (« 01000 » never ends a line on its »). */
const quoted = (text: string) => `«\u00a0${text}\u00a0»`;

function statusMessage(status: SuggestionStatus, count: number, isOpen: boolean): string {
  if (!isOpen) return "";
  if (status === "error") return "Les suggestions sont indisponibles. Validez pour lancer la recherche.";
  if (status !== "done") return "";
  if (count === 0) return "Aucun résultat ne correspond.";
  return count === 1 ? "1 suggestion disponible." : `${count} suggestions disponibles.`;
}
