/**
 * The features of a GeoJSON FeatureCollection, streamed one by one from stream-json's tokens, with
 * the size of each feature's geometry counted as it comes: a geometry past the outline limits
 * (lib/geo/outline-limits.ts) is not built — memory stays bounded whatever its size — and the
 * feature comes out with `geometry: null` and its measured `oversized` size, for a reason in the
 * report. Its properties (site_id…) are still read.
 */
import { Readable } from "node:stream";
import { parser as jsonParser } from "stream-json";
import Pick from "stream-json/filters/Pick";
import { OUTLINE_BYTES_MAX, OUTLINE_POINTS_MAX } from "@/lib/geo/outline-limits";

export interface StreamedFeature {
  /** 1-based position in the collection. */
  index: number;
  properties: Record<string, unknown>;
  geometry: unknown;
  /** The geometry's size when past the limits (then `geometry` is null). */
  oversized?: { points: number; bytes: number };
}

interface Token {
  name: string;
  value?: string | number | boolean | null;
}

type Container = Record<string, unknown> | unknown[];

/** Builds a JSON value from tokens; containers are attached to their parent as soon as they open. */
class ValueBuilder {
  private readonly stack: Container[] = [];
  private readonly keys: (string | null)[] = [];
  private pendingKey: string | null = null;
  value: unknown = undefined;

  get depth(): number {
    return this.stack.length;
  }

  private attach(value: unknown): void {
    const parent = this.stack[this.stack.length - 1];
    if (!parent) this.value = value;
    else if (Array.isArray(parent)) parent.push(value);
    else parent[this.pendingKey ?? ""] = value;
  }

  open(container: Container): void {
    this.attach(container);
    this.stack.push(container);
    this.keys.push(this.pendingKey);
  }

  close(): void {
    this.stack.pop();
    this.pendingKey = this.keys.pop() ?? null;
  }

  key(name: string): void {
    this.pendingKey = name;
  }

  primitive(value: unknown): void {
    this.attach(value);
  }

  /** The container at `depth` (1 = the value's root), dropping the open containers below it. */
  truncateTo(depth: number): void {
    while (this.stack.length > depth) this.close();
  }
}

const PRIMITIVES: Record<string, (value: Token["value"]) => unknown> = {
  stringValue: (value) => value,
  numberValue: (value) => Number(value),
  nullValue: () => null,
  trueValue: () => true,
  falseValue: () => false,
};

/** Approximate size in compact GeoJSON of a token (its text, quotes, a separator). */
function tokenBytes(token: Token): number {
  switch (token.name) {
    case "keyValue":
      return String(token.value).length + 4;
    case "stringValue":
      return String(token.value).length + 3;
    case "numberValue":
      return String(token.value).length + 1;
    case "startObject":
    case "startArray":
    case "endObject":
    case "endArray":
      return 1;
    default:
      return 5;
  }
}

export async function* readGeoJsonFeatures(text: AsyncIterable<string>): AsyncGenerator<StreamedFeature> {
  const tokens = Readable.from(text).pipe(jsonParser({ streamValues: false })).pipe(new Pick({ filter: "features" }));
  let depth = 0;
  let index = 0;
  let feature: ValueBuilder | null = null;
  /** Depth of the geometry's root container inside the feature, while inside it. */
  let geometryDepth: number | null = null;
  let pendingGeometry = false;
  let points = 0;
  let bytes = 0;
  let isOversized = false;
  /** For each open array of the geometry: whether it holds numbers (then it is a position). */
  const holdsNumbers: boolean[] = [];

  for await (const token of tokens as AsyncIterable<Token>) {
    const opens = token.name === "startObject" || token.name === "startArray";
    const closes = token.name === "endObject" || token.name === "endArray";
    if (opens) depth += 1;
    if (depth === 1) {
      if (closes) break;
      // A bare value in the array: a feature with nothing in it, for the importer to reject.
      if (!opens) yield { index: ++index, properties: {}, geometry: null };
      continue;
    }

    if (!feature) {
      index += 1;
      feature = new ValueBuilder();
      [geometryDepth, pendingGeometry, points, bytes, isOversized] = [null, false, 0, 0, false];
    }
    const inGeometry = geometryDepth !== null || (pendingGeometry && opens);
    if (inGeometry) {
      bytes += tokenBytes(token);
      if (token.name === "startArray") holdsNumbers.push(false);
      else if (token.name === "numberValue" && holdsNumbers.length > 0) holdsNumbers[holdsNumbers.length - 1] = true;
      else if (token.name === "endArray" && holdsNumbers.pop()) points += 1;
      if (!isOversized && (points > OUTLINE_POINTS_MAX || bytes > OUTLINE_BYTES_MAX)) {
        isOversized = true;
        feature.truncateTo(geometryDepth ?? feature.depth);
      }
    }

    if (!isOversized || !inGeometry) {
      if (token.name === "startObject") feature.open({});
      else if (token.name === "startArray") feature.open([]);
      else if (closes) feature.close();
      else if (token.name === "keyValue") feature.key(String(token.value));
      else if (token.name in PRIMITIVES) feature.primitive(PRIMITIVES[token.name]!(token.value));
    } else if (closes && depth - 1 === geometryDepth) {
      feature.close();
    }

    if (opens && pendingGeometry) [geometryDepth, pendingGeometry] = [feature.depth, false];
    if (token.name === "keyValue") pendingGeometry = depth === 2 && token.value === "geometry";
    if (closes) {
      if (geometryDepth !== null && depth === geometryDepth + 1) geometryDepth = null;
      depth -= 1;
    }

    if (depth === 1) {
      const value = (feature.value ?? {}) as { properties?: Record<string, unknown> | null; geometry?: unknown };
      yield {
        index,
        properties: value.properties ?? {},
        geometry: isOversized ? null : (value.geometry ?? null),
        ...(isOversized ? { oversized: { points, bytes } } : {}),
      };
      feature = null;
    }
  }
}
