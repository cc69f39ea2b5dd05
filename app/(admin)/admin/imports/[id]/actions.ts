"use server";
/** Apply or abandon an uploaded file's import: session, rights on the job's organisation and its state checked again. */
import fs from "node:fs";
import { revalidatePath } from "next/cache";
import { forbidden } from "next/navigation";
import { deleteUploadedFile, jobLiveness, jobProgress, startImportRunner, uploadPath } from "@/lib/admin/import-jobs";
import { canImport, type Actor } from "@/lib/auth/permissions";
import { requireActor } from "@/lib/auth/session";
import { cancelImportJob, getImportJob, queueImportApply, type ImportJobState } from "@/lib/data/import-jobs";
import { ZImportJobAction } from "@/lib/validation/imports";

export interface ImportActionState {
  message?: string;
}

async function loadJob(formData: FormData): Promise<{ actor: Actor; job: NonNullable<Awaited<ReturnType<typeof getImportJob>>> } | { message: string }> {
  let actor: Actor;
  try {
    actor = await requireActor();
  } catch {
    return { message: "Votre session a expiré : reconnectez-vous." };
  }
  const parsed = ZImportJobAction.safeParse({ jobId: formData.get("jobId") });
  if (!parsed.success) return { message: "Demande invalide." };
  const job = await getImportJob(parsed.data.jobId);
  if (!job) return { message: "Cet import n'existe pas." };
  // A crafted request for another organisation's import answers 403.
  if (!canImport(actor, job.organisationId)) forbidden();
  return { actor, job };
}

export async function applyImportAction(_previous: ImportActionState, formData: FormData): Promise<ImportActionState> {
  const loaded = await loadJob(formData);
  if ("message" in loaded) return loaded;
  const { actor, job } = loaded;
  if (!fs.existsSync(uploadPath(job.filePath))) return { message: "Le fichier chargé n'est plus disponible : chargez-le à nouveau." };
  // One conditional update: a second click finds the job APPLYING and applies nothing.
  if (!(await queueImportApply(job.id, actor.id))) {
    return { message: "Cet import ne peut plus être appliqué : il l'est déjà, ou il est en cours." };
  }
  startImportRunner(job.id, "apply");
  revalidatePath(`/admin/imports/${job.id}`);
  return {};
}

export async function cancelImportAction(_previous: ImportActionState, formData: FormData): Promise<ImportActionState> {
  const loaded = await loadJob(formData);
  if ("message" in loaded) return loaded;
  const { actor, job } = loaded;
  const from: ImportJobState[] = ["CHECKED", "REFUSED", "FAILED"];
  // A check nobody took (no worker running), or a step whose process died, may be abandoned too.
  // The state compared and set at once: a worker claiming the check meanwhile wins.
  const liveness = jobLiveness(job, jobProgress(job));
  if ((liveness === "unclaimed" && job.state === "UPLOADED") || liveness === "dead") from.push(job.state as ImportJobState);
  if (!(await cancelImportJob(job, from, actor))) return { message: "Cet import ne peut plus être abandonné." };
  deleteUploadedFile(job.filePath);
  revalidatePath(`/admin/imports/${job.id}`);
  revalidatePath("/admin/imports");
  return {};
}
