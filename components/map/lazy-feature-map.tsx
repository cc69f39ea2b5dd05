"use client";
/** The map, fetched only when the page runs in a browser: Leaflet stays out of the page's first load. */
import dynamic from "next/dynamic";
import type { FeatureMapProps } from "@/components/map/feature-map";

const FeatureMap = dynamic(() => import("@/components/map/feature-map"), {
  ssr: false,
  loading: () => <div className="h-80 w-full animate-pulse rounded-lg border border-line bg-brand-50" aria-hidden="true" />,
});

export function LazyFeatureMap(props: FeatureMapProps) {
  return <FeatureMap {...props} />;
}
