/** Where to go after signing in: a path of this site only (never another origin), /admin by default. */
export function safeCallbackUrl(value: string | undefined | null): string {
  if (!value || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return "/admin";
  return value;
}
