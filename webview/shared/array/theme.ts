/** The colour map from the theme: CSS variables read at runtime and again when the theme changes. */
import { useEffect, useState } from 'preact/hooks';
import { parseColor, type ColorMap, type Rgb } from './colors';

const FALLBACK: ColorMap = { stops: [[59, 82, 139], [33, 145, 140], [253, 231, 37]], nan: [160, 80, 200], posInf: [220, 50, 50], negInf: [128, 128, 128] };

function read(style: CSSStyleDeclaration, name: string, fallback: Rgb): Rgb {
  return parseColor(style.getPropertyValue(name)) ?? fallback;
}

/** The current theme's colour map (see `--npy-*` in styles.css). */
export function readColorMap(el: Element = document.body): ColorMap {
  const s = getComputedStyle(el);
  return {
    stops: [read(s, '--npy-heat-0', FALLBACK.stops[0]!), read(s, '--npy-heat-1', FALLBACK.stops[1]!), read(s, '--npy-heat-2', FALLBACK.stops[2]!)],
    nan: read(s, '--npy-nan', FALLBACK.nan),
    posInf: read(s, '--npy-posinf', FALLBACK.posInf),
    negInf: read(s, '--npy-neginf', FALLBACK.negInf),
  };
}

/** The colour map, updated when VS Code changes the theme (it rewrites the body's class and style). */
export function useColorMap(): ColorMap {
  const [map, setMap] = useState(() => readColorMap());
  useEffect(() => {
    const obs = new MutationObserver(() => setMap(readColorMap()));
    obs.observe(document.body, { attributes: true, attributeFilter: ['class', 'style'] });
    obs.observe(document.documentElement, { attributes: true, attributeFilter: ['class', 'style'] });
    return () => obs.disconnect();
  }, []);
  return map;
}
