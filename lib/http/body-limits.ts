/**
 * Request bodies the server refuses before the code behind them reads them (proxy.ts): too large
 * → 413, nested deeper than any form of ours → 400 — rather than the 500 Next.js answers when a
 * server action body passes its limit or when decoding a deeply nested one exhausts the stack.
 */

/** Server action bodies (forms): the zone outline, 2 MB of GeoJSON at most, plus the other fields. Same as next.config.js. */
export const ACTION_BODY_MAX_BYTES = 3 * 1024 * 1024;
/** Sign-in, sign-out, unsubscribe: a few fields. */
export const SMALL_FORM_MAX_BYTES = 64 * 1024;
/** Deeper than any value our forms send; decoding 10,000 levels overflows the stack. */
export const MAX_NESTING_DEPTH = 256;

export type BodyProblem = { status: 413 | 400; message: string };

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toLocaleString("fr-FR", { maximumFractionDigits: 1 })} Mo`;

export function tooLarge(maxBytes: number): BodyProblem {
  return { status: 413, message: `Le contenu envoyé est trop volumineux (${maxBytes >= 1024 * 1024 ? megabytes(maxBytes) : `${maxBytes / 1024} ko`} au plus).` };
}

export const TOO_DEEP: BodyProblem = { status: 400, message: "Le contenu envoyé est mal formé : il est imbriqué trop profondément." };

/** From Content-Length alone: 413 when it says more than `maxBytes`. */
export function declaredSizeProblem(headers: Pick<Headers, "get">, maxBytes: number): BodyProblem | null {
  const declared = Number(headers.get("content-length") ?? "");
  return Number.isFinite(declared) && declared > maxBytes ? tooLarge(maxBytes) : null;
}

/** Whether brackets in `text`, outside JSON strings, nest deeper than `limit`. */
export function nestsDeeperThan(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text.charCodeAt(index);
    if (inString) {
      if (char === 0x5c) index += 1; // \ escapes the next character
      else if (char === 0x22) inString = false;
    } else if (char === 0x22) inString = true;
    else if (char === 0x5b || char === 0x7b) {
      depth += 1;
      if (depth > limit) return true;
    } else if ((char === 0x5d || char === 0x7d) && depth > 0) depth -= 1;
  }
  return false;
}

/**
 * A server action's body checked: its size, and the nesting of its text (of each text field of a
 * multipart body: the encoded arguments are JSON). Reads the request (Next.js gives the action a copy).
 */
export async function actionBodyProblem(request: Request, maxBytes = ACTION_BODY_MAX_BYTES): Promise<BodyProblem | null> {
  const declared = declaredSizeProblem(request.headers, maxBytes);
  if (declared) return declared;
  const isMultipart = (request.headers.get("content-type") ?? "").startsWith("multipart/form-data");
  const bytes = new Uint8Array(await request.arrayBuffer());
  if (bytes.byteLength > maxBytes) return tooLarge(maxBytes);
  if (!isMultipart) return nestsDeeperThan(new TextDecoder().decode(bytes), MAX_NESTING_DEPTH) ? TOO_DEEP : null;
  let fields: FormData;
  try {
    fields = await new Response(bytes, { headers: { "content-type": request.headers.get("content-type")! } }).formData();
  } catch {
    return { status: 400, message: "Le contenu envoyé est mal formé." };
  }
  for (const value of fields.values()) {
    if (typeof value === "string" && nestsDeeperThan(value, MAX_NESTING_DEPTH)) return TOO_DEEP;
  }
  return null;
}
