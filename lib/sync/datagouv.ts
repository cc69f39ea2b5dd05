/**
 * The data.gouv.fr API (`/api/1/datasets/<slug>/`): a dataset's resources with their URL, date and
 * checksum. data:sync picks the latest resource that fits a file (Carte fibre of a département,
 * SIRENE's establishment stock), so a new quarter's file is found without a new URL.
 */
import { describe, fetchFollowing, SyncError } from "@/lib/sync/http";
import type { StatedChecksum } from "@/lib/sync/download";

export const DATA_GOUV_API = "https://www.data.gouv.fr/api/1/datasets";
/** A dataset's description is a few hundred kB; anything far larger is not the API. */
const MAX_JSON_BYTES = 20 * 1024 * 1024;

export interface DatasetResource {
  title: string;
  url: string;
  lastModified: Date | null;
  checksum: StatedChecksum | null;
}

interface ApiResource {
  title?: unknown;
  url?: unknown;
  last_modified?: unknown;
  created_at?: unknown;
  checksum?: { type?: unknown; value?: unknown } | null;
}

export async function latestResource(
  slug: string,
  fits: (resource: DatasetResource) => boolean,
  options: { mirror: string | null; headersTimeoutMs: number },
): Promise<DatasetResource> {
  const apiUrl = `${DATA_GOUV_API}/${slug}/`;
  const { response, finalUrl } = await fetchFollowing(apiUrl, { ...options, headers: { accept: "application/json" } });
  if (response.status !== 200) {
    await response.body?.cancel();
    throw new SyncError(`${finalUrl}: HTTP ${response.status}`);
  }
  if (Number(response.headers.get("content-length") ?? 0) > MAX_JSON_BYTES) {
    await response.body?.cancel();
    throw new SyncError(`${finalUrl}: the dataset description is over ${MAX_JSON_BYTES / 1024 / 1024} MB`);
  }
  let body: { resources?: unknown };
  try {
    body = JSON.parse(await response.text()) as { resources?: unknown };
  } catch (error) {
    throw new SyncError(`${finalUrl}: not the data.gouv.fr API's JSON (${describe(error)})`);
  }
  if (!Array.isArray(body.resources)) throw new SyncError(`${finalUrl}: no "resources" list in the dataset`);
  const resources = (body.resources as ApiResource[]).map(toResource).filter((resource): resource is DatasetResource => !!resource && fits(resource));
  if (resources.length === 0) throw new SyncError(`${finalUrl}: no resource of dataset ${slug} fits`);
  return resources.sort((a, b) => (b.lastModified?.getTime() ?? 0) - (a.lastModified?.getTime() ?? 0))[0]!;
}

function toResource(raw: ApiResource): DatasetResource | null {
  if (typeof raw.url !== "string" || !/^https?:\/\//.test(raw.url)) return null;
  const date = typeof raw.last_modified === "string" ? raw.last_modified : typeof raw.created_at === "string" ? raw.created_at : null;
  const lastModified = date ? new Date(date) : null;
  const checksum =
    raw.checksum && typeof raw.checksum.type === "string" && typeof raw.checksum.value === "string"
      ? { type: raw.checksum.type, value: raw.checksum.value }
      : null;
  return {
    title: typeof raw.title === "string" ? raw.title : "",
    url: raw.url,
    lastModified: lastModified && !Number.isNaN(lastModified.getTime()) ? lastModified : null,
    checksum,
  };
}
