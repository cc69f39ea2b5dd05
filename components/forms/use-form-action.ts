"use client";
/**
 * useActionState for a <form>, keeping what the user typed when the action answers with errors
 * (React resets a form after its action by default). Spread `formProps` on the form: without
 * JavaScript the form still posts to the action. `resetOnSuccess` empties it after a notice.
 */
import { startTransition, useActionState, useEffect, useRef } from "react";
import type { FormState } from "@/lib/admin/form-state";

export function useFormAction(action: (state: FormState, formData: FormData) => Promise<FormState>, options: { resetOnSuccess?: boolean } = {}) {
  const [state, dispatch, isPending] = useActionState(action, {} as FormState);
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (options.resetOnSuccess && state.notice) formRef.current?.reset();
  }, [state, options.resetOnSuccess]);
  const onSubmit = (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    startTransition(() => dispatch(formData));
  };
  return { state, isPending, formProps: { ref: formRef, action: dispatch, onSubmit } };
}
