/**
 * The alert mails, in French, plain text and HTML saying the same thing: the confirmation of a
 * subscription (double opt-in) and the digest of what changed for the addresses and zones a
 * person follows. Every digest carries an unsubscribe link per item, one for everything, and the
 * List-Unsubscribe headers of one-click unsubscription (RFC 8058).
 */
import type { MailMessage } from "@/lib/mail/mailer";
import { escapeHtml } from "@/lib/mail/templates";

const FOOTER_STYLE = "font-size:0.9em;color:#4b5563";
const wrapHtml = (parts: string[]) =>
  ['<!doctype html><html lang="fr"><body style="font-family:sans-serif;line-height:1.5;color:#1f2937">', ...parts, "</body></html>"].join("\n");
const link = (url: string, label: string) => `<a href="${escapeHtml(url)}">${escapeHtml(label)}</a>`;

export function alertConfirmationMail(to: string, input: { targetLabel: string; confirmUrl: string }): MailMessage {
  const intro = `Vous avez demandé à être prévenu par e-mail quand la fibre évolue pour : ${input.targetLabel}.`;
  const how = "Pour activer cette alerte, confirmez votre adresse e-mail :";
  const after = [
    "Vous recevrez un e-mail quand une collectivité ou un opérateur annonce un changement d'état ou de date pour ce lieu, au plus un résumé à la fois. Chaque e-mail contient un lien de désabonnement en un clic.",
    "Si vous n'avez rien demandé, ignorez ce message : sans confirmation, votre adresse est effacée sous 7 jours.",
  ];
  return {
    to,
    subject: "Fibre Pro : confirmez votre alerte",
    text: ["Bonjour,", intro, `${how}\n${input.confirmUrl}`, ...after, "— Fibre Pro"].join("\n\n") + "\n",
    html: wrapHtml([
      "<p>Bonjour,</p>",
      `<p>${escapeHtml(intro)}</p>`,
      `<p>${escapeHtml(how)}<br>${link(input.confirmUrl, "Confirmer mon alerte")}</p>`,
      `<p style="${FOOTER_STYLE}">Si le lien ne s'ouvre pas, copiez cette adresse dans votre navigateur :<br>${escapeHtml(input.confirmUrl)}</p>`,
      ...after.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`),
      "<p>— Fibre Pro</p>",
    ]),
  };
}

export interface DigestItem {
  /** "12 Rue des Tanneurs, 01053 Bourg-en-Bresse" or "Zone d'activités Les Dombes (Bourg-en-Bresse)". */
  label: string;
  pageUrl: string;
  unsubscribeUrl: string;
  changes: { text: string; provenance: string | null }[];
}

export function alertDigestMail(to: string, input: { items: DigestItem[]; unsubscribeAllUrl: string; oneClickUrl: string }): MailMessage {
  const { items } = input;
  const subject =
    items.length === 1
      ? `Fibre Pro : du nouveau pour ${items[0]!.label}`
      : `Fibre Pro : du nouveau pour ${items.length} adresses ou zones que vous suivez`;
  const intro = "Les informations sur la fibre ont changé pour ce que vous suivez :";
  const why = "Vous recevez ce message parce que vous avez demandé à être prévenu sur Fibre Pro et confirmé votre adresse e-mail.";
  const text = [
    "Bonjour,",
    intro,
    ...items.map((item) =>
      [
        item.label,
        ...item.changes.map((change) => `- ${change.text}${change.provenance ? ` ${change.provenance}.` : ""}`),
        `Voir la page : ${item.pageUrl}`,
        `Ne plus suivre ce lieu : ${item.unsubscribeUrl}`,
      ].join("\n"),
    ),
    why,
    `Se désabonner de toutes les alertes : ${input.unsubscribeAllUrl}`,
    "— Fibre Pro",
  ].join("\n\n") + "\n";
  const html = wrapHtml([
    "<p>Bonjour,</p>",
    `<p>${escapeHtml(intro)}</p>`,
    ...items.map((item) =>
      [
        `<h2 style="font-size:1.1em;margin-bottom:0.25em">${escapeHtml(item.label)}</h2>`,
        "<ul>",
        ...item.changes.map((change) => `<li>${escapeHtml(change.text)}${change.provenance ? ` <span style="${FOOTER_STYLE}">${escapeHtml(change.provenance)}.</span>` : ""}</li>`),
        "</ul>",
        `<p>${link(item.pageUrl, "Voir la page")} · <span style="${FOOTER_STYLE}">${link(item.unsubscribeUrl, "Ne plus suivre ce lieu")}</span></p>`,
      ].join("\n"),
    ),
    `<p style="${FOOTER_STYLE}">${escapeHtml(why)} ${link(input.unsubscribeAllUrl, "Se désabonner de toutes les alertes")}</p>`,
    "<p>— Fibre Pro</p>",
  ]);
  return {
    to,
    subject,
    text,
    html,
    headers: { "List-Unsubscribe": `<${input.oneClickUrl}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" },
  };
}
