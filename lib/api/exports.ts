import "server-only";
/** Streams an export as a Response: one page of addresses read, written and flushed at a time. */
import { EXPORT_COLUMNS, EXPORT_LICENCE, exportSources, exportedAddresses, resolveExportSubject, type ExportSubject, type ExportedAddress } from "@/lib/data/exports";
import { TECHNOLOGIES } from "@/lib/technologies";
import { toCsv } from "@/lib/text/csv";
import type { TExportQuery } from "@/lib/validation/api";

export async function exportSubject(query: TExportQuery): Promise<ExportSubject> {
  if (query.departement) return resolveExportSubject({ departement: query.departement });
  return resolveExportSubject(query.commune ? { commune: query.commune } : query.epci ? { epci: query.epci } : { zone: query.zone! });
}

/** "commune=01053": the territory of an export, as its links repeat it. */
function scopeQuery(query: TExportQuery): string {
  return new URLSearchParams(Object.entries(query).filter(([, value]) => value) as [string, string][]).toString();
}

function fileName(subject: ExportSubject, extension: string): string {
  const day = new Date().toISOString().slice(0, 10);
  return `fibre-pro-${subject.kind}-${subject.id.replace(/[^\w-]/g, "_")}-${day}.${extension}`;
}

export async function exportMetadata(subject: ExportSubject, query: TExportQuery) {
  const scope = scopeQuery(query);
  return {
    title: `Fibre pour les entreprises — ${subject.name}`,
    territory: { kind: subject.kind, id: subject.id, name: subject.name },
    licence: EXPORT_LICENCE,
    producer: "Fibre Pro",
    generatedAt: new Date().toISOString(),
    sources: await exportSources(subject),
    files: { csv: `/api/v1/exports/availability.csv?${scope}`, geojson: `/api/v1/exports/availability.geojson?${scope}` },
    csv: { delimiter: ";", encoding: "UTF-8 (avec BOM)", columns: EXPORT_COLUMNS },
  };
}

function csvRow(address: ExportedAddress): string[] {
  return [
    address.id, address.label, address.number === null ? "" : String(address.number), address.suffix ?? "", address.street, address.postcode ?? "",
    address.inseeCode, address.commune, String(address.lat), String(address.lon), address.zoneId ?? "",
    ...TECHNOLOGIES.flatMap((technology) => {
      const fact = address.technologies[technology];
      return [fact.level, fact.basis, fact.status ?? "", fact.date ?? "", fact.precision ?? "", fact.source ?? "", fact.sourceDate ?? ""];
    }),
  ];
}

function streamOf(chunks: AsyncGenerator<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    async pull(controller) {
      const { value, done } = await chunks.next();
      if (done) controller.close();
      else controller.enqueue(encoder.encode(value));
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
}

/** The CSV export's text, a page of addresses at a time (streamed by the route, written to a file by the worker). */
export async function* csvChunks(subject: ExportSubject): AsyncGenerator<string> {
  yield `\uFEFF${toCsv([EXPORT_COLUMNS.map((column) => column.name)])}`;
  for await (const page of exportedAddresses(subject)) yield toCsv(page.map(csvRow));
}

export function csvExport(subject: ExportSubject, query: TExportQuery): Response {
  return new Response(streamOf(csvChunks(subject)), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${fileName(subject, "csv")}"`,
      "Cache-Control": "public, max-age=600",
      Link: `</api/v1/exports/metadata?${scopeQuery(query)}>; rel="describedby"`,
    },
  });
}

/** The GeoJSON export's text, a page of addresses at a time. */
export async function* geojsonChunks(subject: ExportSubject, query: TExportQuery): AsyncGenerator<string> {
  const metadata = await exportMetadata(subject, query);
  yield `{"type":"FeatureCollection","metadata":${JSON.stringify(metadata)},"features":[`;
  let first = true;
  for await (const page of exportedAddresses(subject)) {
    const features = page.map((address) =>
      JSON.stringify({
        type: "Feature",
        id: address.id,
        geometry: { type: "Point", coordinates: [address.lon, address.lat] },
        properties: {
          label: address.label, number: address.number, suffix: address.suffix, street: address.street, postcode: address.postcode,
          inseeCode: address.inseeCode, commune: address.commune, zoneId: address.zoneId, technologies: address.technologies,
        },
      }),
    );
    if (features.length === 0) continue;
    yield `${first ? "" : ","}\n${features.join(",\n")}`;
    first = false;
  }
  yield "\n]}\n";
}

export async function geojsonExport(subject: ExportSubject, query: TExportQuery): Promise<Response> {
  return new Response(streamOf(geojsonChunks(subject, query)), {
    headers: {
      "Content-Type": "application/geo+json; charset=utf-8",
      "Content-Disposition": `attachment; filename="${fileName(subject, "geojson")}"`,
      "Cache-Control": "public, max-age=600",
    },
  });
}
