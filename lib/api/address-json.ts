/** The JSON form of an address's business answer (GET /api/v1/addresses/{banId}). */
import type { z } from "zod";
import { isoDay } from "@/lib/api/serialize";
import type { ZAddressResponse } from "@/lib/api/schemas";
import type { AddressAnswer } from "@/lib/data/business-answer";
import { BUILDING_SPLIT_RULE, buildingSplitText, statusLabel } from "@/lib/eligibility-text";
import { levelText, type FactSource } from "@/lib/levels/answer";

const sourceJson = (source: FactSource) => ({
  kind: source.kind,
  name: source.name,
  date: isoDay(source.date),
});

export function addressJson(answer: AddressAnswer): z.infer<typeof ZAddressResponse> {
  const { address, zone, answers, buildings, headline, nextSteps } = answer;
  return {
    address: {
      id: address.id,
      label: address.label,
      number: address.number,
      suffix: address.suffix,
      street: address.street,
      postcode: address.postcode,
      inseeCode: address.inseeCode,
      commune: address.commune,
      lat: address.lat,
      lon: address.lon,
    },
    zone: zone ? { id: zone.id, name: zone.name } : null,
    headline: headline.title,
    headlineDetail: headline.detail,
    technologies: answers.map((entry) => ({
      technology: entry.technology,
      level: entry.level,
      levelLabel: levelText(entry),
      basis: entry.basis,
      ...(entry.explanation ? { explanation: entry.explanation } : {}),
      status: entry.status,
      statusLabel: statusLabel(entry.status),
      ...(entry.since ? { since: isoDay(entry.since) } : {}),
      ...(entry.planned ? { planned: { date: isoDay(entry.planned.date), precision: entry.planned.precision } } : {}),
      operators: entry.operators,
      source: entry.source ? sourceJson(entry.source) : null,
      disagreements: entry.disagreements.map((other) => ({ status: other.status, statusLabel: statusLabel(other.status), source: sourceJson(other.source) })),
      ...(entry.message ? { message: entry.message } : {}),
      ...(entry.buildings
        ? {
            buildings: {
              count: entry.buildings.count,
              statuses: entry.buildings.statuses.map(({ status, count }) => ({ status, statusLabel: statusLabel(status), count })),
              summary: `${buildingSplitText(entry.buildings)}. ${BUILDING_SPLIT_RULE}`,
            },
          }
        : {}),
    })),
    nextSteps,
    buildings,
  };
}
