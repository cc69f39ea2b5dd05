"use client";
/** The address map, fetched only when the page runs in a browser (Leaflet stays out of the page's first load). */
import dynamic from "next/dynamic";
import type { AddressMapProps } from "@/components/map/address-map";

const AddressMap = dynamic(() => import("@/components/map/address-map"), {
  ssr: false,
  loading: () => <div className="h-80 w-full animate-pulse rounded-lg border border-line bg-brand-50" aria-hidden="true" />,
});

export function LazyAddressMap(props: AddressMapProps) {
  return <AddressMap {...props} />;
}
