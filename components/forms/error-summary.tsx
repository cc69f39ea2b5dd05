"use client";
/**
 * The error summary at the top of a form that failed (GOV.UK / DSFR pattern): it takes the focus
 * when a submission fails, so keyboard and screen-reader users land on it; it says what went
 * wrong and links each field in error (a click scrolls to the field's label and focuses the
 * field). Fields keep their own message, aria-invalid and aria-describedby.
 */
import { useEffect, useId, useRef } from "react";

export interface SummaryState {
  /** Field errors by field name, as the action returns them. */
  errors?: Record<string, string>;
  /** An error about the whole form. */
  message?: string;
}

interface ErrorSummaryProps {
  /**
   * What the last submission returned. Its identity changes once per submission: the summary is
   * focused then, and never while the user types in a form that re-renders.
   */
  state: SummaryState;
  /** Field name → id of its control (the first input of a group), in the form's order. */
  fields: Readonly<Record<string, string>>;
  /** The heading; without it, the action's message, or the number of errors. */
  title?: string;
  /** With a title: a field the message is about, linked like a field error (sign-in). */
  messageField?: string;
  /** More to show in the box (the version saved by someone else). */
  children?: React.ReactNode;
}

export function ErrorSummary({ state, fields, messageField, title, children }: ErrorSummaryProps) {
  const ref = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const errors = state.errors ?? {};
  const names = [...Object.keys(fields).filter((name) => errors[name]), ...Object.keys(errors).filter((name) => !(name in fields) && errors[name])];
  const isVisible = names.length > 0 || Boolean(state.message);

  useEffect(() => {
    if (isVisible) ref.current?.focus();
  }, [state, isVisible]);

  if (!isVisible) return null;
  // The action's message heads the box (« Le formulaire contient des erreurs… »), unless a title
  // is given: the message then follows it.
  const heading = title ?? state.message ?? (names.length === 1 ? "Le formulaire contient une erreur" : `Le formulaire contient ${names.length} erreurs`);
  const message = title ? state.message : undefined;
  return (
    <div
      ref={ref}
      tabIndex={-1}
      aria-labelledby={titleId}
      role="group"
      className="rounded-md border-2 border-red-700 bg-red-50 px-4 py-3 text-red-900"
    >
      <div role="alert" className="space-y-2">
        <h2 id={titleId} className="text-lg font-bold">
          {heading}
        </h2>
        {message ? <p>{messageField && fields[messageField] ? <FieldLink id={fields[messageField]!}>{message}</FieldLink> : message}</p> : null}
        {names.length > 0 ? (
          <ul className="list-disc space-y-1 pl-5">
            {names.map((name) => (
              <li key={name}>{fields[name] ? <FieldLink id={fields[name]!}>{errors[name]}</FieldLink> : errors[name]}</li>
            ))}
          </ul>
        ) : null}
        {children}
      </div>
    </div>
  );
}

/** A link to a field: without JavaScript the browser scrolls to it; with, the field gets the focus. */
function FieldLink({ id, children }: { id: string; children: React.ReactNode }) {
  function focusField(event: React.MouseEvent<HTMLAnchorElement>) {
    const field = document.getElementById(id);
    if (!field) return;
    event.preventDefault();
    // The question in view, not only the box to type in: the legend of a group of choices, else the label.
    const isChoice = field instanceof HTMLInputElement && (field.type === "radio" || field.type === "checkbox");
    const question = isChoice ? field.closest("fieldset")?.querySelector("legend") : document.querySelector(`label[for="${CSS.escape(id)}"]`);
    (question ?? field).scrollIntoView({ block: "start" });
    field.focus({ preventScroll: true });
  }
  return (
    <a href={`#${id}`} onClick={focusField} className="font-medium text-red-900">
      {children}
    </a>
  );
}
