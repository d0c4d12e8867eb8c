import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { communeContaining, parseCommuneShapes, type CommuneLookup } from './point-in-commune';

const DATA_DIR = new URL('./data/', import.meta.url);

export interface BoundaryFile {
  /** The FeatureCollection with its "source" member, serialised once. */
  body: string;
  etag: string;
}

export interface BoundarySource {
  file: string;
  upstream: string | null;
  licence: string | null;
  caveats: string[];
  provenance: string;
}

function stripMarkdown(markdown: string): string {
  return markdown.replace(/\*\*|`/g, '').trim();
}

/**
 * Reads what PROVENANCE.md says about one geometry file: its row in the Sources table (matched on the
 * "Used for" column) and the bullets of "Geometry caveats". Maps must show where the shapes come from and
 * that their reuse terms are unclear.
 */
export function readBoundarySource(provenance: string, file: string): BoundarySource {
  let upstream: string | null = null;
  let licence: string | null = null;
  let usedForColumn = -1;
  let upstreamColumn = -1;
  let licenceColumn = -1;
  const caveats: string[] = [];
  let section = '';
  for (const line of provenance.split('\n')) {
    if (line.startsWith('## ')) {
      section = line.slice(3).trim().toLowerCase();
      continue;
    }
    if (section === 'sources' && line.startsWith('|')) {
      const cells = line
        .split('|')
        .slice(1, -1)
        .map((c) => stripMarkdown(c));
      if (usedForColumn < 0) {
        usedForColumn = cells.findIndex((c) => c.toLowerCase() === 'used for');
        upstreamColumn = cells.findIndex((c) => c.toLowerCase() === 'upstream');
        licenceColumn = cells.findIndex((c) => c.toLowerCase() === 'licence');
      } else if (cells[usedForColumn] === file) {
        upstream = cells[upstreamColumn] ?? null;
        licence = cells[licenceColumn] ?? null;
      }
    }
    if (section === 'geometry caveats') {
      if (line.startsWith('- ')) caveats.push(stripMarkdown(line.slice(2)));
      else if (line.startsWith('  ') && caveats.length > 0)
        caveats[caveats.length - 1] += ` ${stripMarkdown(line)}`;
    }
  }
  return { file, upstream, licence, caveats, provenance: 'server/modules/geography/data/PROVENANCE.md' };
}

/**
 * Simplified boundaries for maps: data/provinces.geojson and data/communes-<province>.geojson, read on first
 * request and kept in memory (they change only with a new release), with a strong ETag of the served bytes.
 */
export function createBoundariesService(deps: { dataDir?: URL } = {}) {
  const dir = deps.dataDir ?? DATA_DIR;
  const cache = new Map<string, BoundaryFile | null>();

  function loadFile(file: string): BoundaryFile | null {
    const cached = cache.get(file);
    if (cached !== undefined) return cached;
    const url = new URL(file, dir);
    let loaded: BoundaryFile | null = null;
    if (fs.existsSync(url)) {
      const collection = JSON.parse(fs.readFileSync(url, 'utf8')) as Record<string, unknown>;
      const provenanceUrl = new URL('PROVENANCE.md', dir);
      const provenance = fs.existsSync(provenanceUrl) ? fs.readFileSync(provenanceUrl, 'utf8') : '';
      const body = JSON.stringify({
        type: collection.type,
        source: readBoundarySource(provenance, file),
        ...collection,
      });
      loaded = { body, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"` };
    }
    cache.set(file, loaded);
    return loaded;
  }

  const shapes = new Map<string, ReturnType<typeof parseCommuneShapes>>();
  /** The parsed shapes of a province's communes, kept for the point look-up ([] when none are shipped). */
  function communeShapesOf(provinceCode: string) {
    let parsed = shapes.get(provinceCode);
    if (!parsed) {
      const url = new URL(`communes-${provinceCode}.geojson`, dir);
      parsed =
        /^\d{2}$/.test(provinceCode) && fs.existsSync(url)
          ? parseCommuneShapes(JSON.parse(fs.readFileSync(url, 'utf8')))
          : [];
      shapes.set(provinceCode, parsed);
    }
    return parsed;
  }

  return {
    loadProvinces: (): BoundaryFile | null => loadFile('provinces.geojson'),
    /**
     * The commune of the province a point (a report's pin) falls in: 'outside' when it is in none of them, 'unknown'
     * when the province's boundaries are not shipped.
     */
    communeAt: (provinceCode: string, lat: number, lng: number): CommuneLookup =>
      communeContaining(communeShapesOf(provinceCode), lat, lng),
    /** null when no commune file exists for the province (only some are built). */
    loadCommunesOf: (provinceCode: string): BoundaryFile | null =>
      /^\d{2}$/.test(provinceCode) ? loadFile(`communes-${provinceCode}.geojson`) : null,
  };
}
export type BoundariesService = ReturnType<typeof createBoundariesService>;
