/** The public "Me prévenir" form and the links of alert mails. */
import { z } from "zod";

export const ZAlertForm = z.object({
  targetType: z.enum(["address", "zone"], { error: "Lieu à suivre inconnu." }),
  targetId: z.string().trim().min(1, "Lieu à suivre inconnu.").max(200),
  email: z
    .string({ error: "Indiquez votre adresse e-mail." })
    .trim()
    .min(1, "Indiquez votre adresse e-mail.")
    .pipe(z.email({ error: "Adresse e-mail invalide : elle doit ressembler à nom@exemple.fr." }).max(320, "Adresse e-mail trop longue.")),
});

export type TAlertForm = z.infer<typeof ZAlertForm>;

/** ?id=…&t=… (one subscription) or ?tout=1&e=…&t=… (every alert of an email) of the mails' links. */
export const ZAlertLink = z.union([
  z.object({ tout: z.literal("1"), e: z.string().min(3).max(320), t: z.string().min(1).max(100) }),
  z.object({ id: z.string().min(1).max(100), t: z.string().min(1).max(100) }),
]);

export type TAlertLink = z.infer<typeof ZAlertLink>;
