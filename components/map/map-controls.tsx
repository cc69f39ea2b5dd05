"use client";
/**
 * Leaflet's controls in French, for every map: zoom buttons named « Zoom avant » / « Zoom arrière »
 * (their title and accessible name), the attribution's prefix, the close button of popups. Give
 * MapContainer WITHOUT_DEFAULT_CONTROLS and put <FrenchControls /> inside it.
 */
import type { PopupEvent } from "leaflet";
import { useEffect } from "react";
import { AttributionControl, useMap, ZoomControl } from "react-leaflet";

/** MapContainer options: Leaflet's own (English) zoom and attribution controls off. */
export const WITHOUT_DEFAULT_CONTROLS = { zoomControl: false, attributionControl: false } as const;

export const ZOOM_IN_LABEL = "Zoom avant";
export const ZOOM_OUT_LABEL = "Zoom arrière";
const ATTRIBUTION_PREFIX = '<a href="https://leafletjs.com" title="Bibliothèque JavaScript de cartes interactives" lang="en">Leaflet</a>';
const CLOSE_POPUP_LABEL = "Fermer la bulle";

/** Leaflet names the close button of a popup "Close popup", with no option to change it. */
function FrenchPopups() {
  const map = useMap();
  useEffect(() => {
    const onOpen = (event: PopupEvent) => {
      event.popup.getElement()?.querySelector(".leaflet-popup-close-button")?.setAttribute("aria-label", CLOSE_POPUP_LABEL);
    };
    map.on("popupopen", onOpen);
    return () => {
      map.off("popupopen", onOpen);
    };
  }, [map]);
  return null;
}

export function FrenchControls() {
  return (
    <>
      <ZoomControl position="topleft" zoomInTitle={ZOOM_IN_LABEL} zoomOutTitle={ZOOM_OUT_LABEL} />
      <AttributionControl position="bottomright" prefix={ATTRIBUTION_PREFIX} />
      <FrenchPopups />
    </>
  );
}
