/**
 * The account mails, in French, each as plain text and HTML saying the same thing: password
 * reset and invitation to set a first password.
 */
import type { MailMessage } from "@/lib/mail/mailer";

export const escapeHtml = (value: string) =>
  value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");

function compose(to: string, subject: string, paragraphs: string[], link: { url: string; label: string }, after: string[]): MailMessage {
  const text = [...paragraphs, `${link.label} :\n${link.url}`, ...after, "— Fibre Pro"].join("\n\n") + "\n";
  const html = [
    '<!doctype html><html lang="fr"><body style="font-family:sans-serif;line-height:1.5;color:#1f2937">',
    ...paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`),
    `<p><a href="${escapeHtml(link.url)}">${escapeHtml(link.label)}</a></p>`,
    `<p style="font-size:0.9em;color:#4b5563">Si le lien ne s'ouvre pas, copiez cette adresse dans votre navigateur :<br>${escapeHtml(link.url)}</p>`,
    ...after.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`),
    "<p>— Fibre Pro</p></body></html>",
  ].join("\n");
  return { to, subject, text, html };
}

export function passwordResetMail(to: string, url: string): MailMessage {
  return compose(
    to,
    "Fibre Pro : réinitialisation de votre mot de passe",
    ["Bonjour,", "Vous avez demandé à changer le mot de passe de votre compte de l'espace collectivités de Fibre Pro."],
    { url, label: "Choisir un nouveau mot de passe" },
    [
      "Ce lien est valable une heure et ne sert qu'une fois.",
      "Si vous n'avez rien demandé, ignorez ce message : votre mot de passe actuel reste valable.",
    ],
  );
}

export function invitationMail(to: string, url: string, options: { organisationName: string | null; invitedBy: string }): MailMessage {
  const where = options.organisationName ? ` pour ${options.organisationName}` : "";
  return compose(
    to,
    "Fibre Pro : votre compte de l'espace collectivités",
    [
      "Bonjour,",
      `${options.invitedBy} vous a créé un compte dans l'espace collectivités de Fibre Pro${where}. Vous pourrez y publier les calendriers de déploiement de la fibre et charger vos fichiers.`,
      `Votre identifiant est votre adresse e-mail : ${to}. Pour commencer, choisissez votre mot de passe.`,
    ],
    { url, label: "Choisir mon mot de passe" },
    ["Ce lien est valable 72 heures et ne sert qu'une fois. Passé ce délai, demandez un nouveau lien depuis la page « Mot de passe oublié ? »."],
  );
}

/** To a business that left its address with a field report: accepted or not, and why. */
export function fieldReportOutcomeMail(
  to: string,
  outcome: { isAccepted: boolean; addressLabel: string; addressUrl: string; reason: string | null },
): MailMessage {
  return compose(
    to,
    outcome.isAccepted ? "Fibre Pro : votre signalement a été retenu" : "Fibre Pro : votre signalement n'a pas été retenu",
    [
      "Bonjour,",
      `Vous nous avez signalé une information erronée sur la page de l'adresse ${outcome.addressLabel}.`,
      outcome.isAccepted
        ? "La collectivité de ce territoire l'a examiné et l'a retenu : elle prépare la correction de la page."
        : `La collectivité de ce territoire l'a examiné et ne l'a pas retenu, pour la raison suivante : ${outcome.reason ?? "non précisée"}.`,
    ],
    { url: outcome.addressUrl, label: "Voir la page de l'adresse" },
    ["Votre adresse e-mail n'a servi qu'à vous envoyer cette réponse. Pour qu'elle soit effacée, répondez à ce message."],
  );
}

/** To the owner of an account when failed sign-ins locked it from a source or slowed it down. */
export function signInLockedMail(
  to: string,
  details: { lock: "account-source" | "account"; source: string; at: Date; signInUrl: string; resetUrl: string },
): MailMessage {
  const when = details.at.toLocaleString("fr-FR", { timeZone: "Europe/Paris", dateStyle: "long", timeStyle: "short" });
  const what =
    details.lock === "account-source"
      ? `depuis l'adresse IP ${details.source}. Par sécurité, les tentatives de connexion depuis cette adresse sont bloquées pendant 15 minutes.`
      : `depuis plusieurs adresses IP (la dernière : ${details.source}). Par sécurité, les tentatives de connexion sont ralenties pendant 15 minutes, sauf depuis les connexions d'où vous vous êtes déjà connecté.`;
  return compose(
    to,
    "Fibre Pro : connexions à votre compte bloquées",
    [
      "Bonjour,",
      `Plusieurs mots de passe erronés ont été saisis pour votre compte ${to} de l'espace collectivités de Fibre Pro, le ${when}, ${what}`,
      "Si c'était vous : attendez un quart d'heure, ou choisissez un nouveau mot de passe depuis la page « Mot de passe oublié ? ».",
      "Si ce n'était pas vous : votre mot de passe n'a pas été trouvé et vous pouvez toujours vous connecter depuis vos connexions habituelles. Choisissez un mot de passe long et unique ; l'administrateur de votre organisation peut aussi débloquer votre compte depuis la page « Utilisateurs ».",
    ],
    { url: details.resetUrl, label: "Choisir un nouveau mot de passe" },
    [`Pour vous connecter : ${details.signInUrl}`],
  );
}
