/** Geoman's bundle reads Leaflet from `window.L`: import this module before it. Client-only. */
import L from "leaflet";

(window as typeof window & { L?: typeof L }).L ??= L;
