import { describe, expect, it } from 'vitest';
import { CreateCaseBodySchema } from '../../../shared/contracts/cases';
import { OTHER, POTHOLE } from './cases.fixtures';
import { readExifGps } from './photo-prep';
import { bodyOf, firstInvalidStep, validateStep } from './report-form';
import { newDraft, type ReportDraft } from './report-draft';

const filled = (patch: Partial<ReportDraft> = {}): ReportDraft => ({
  ...newDraft(new Date('2026-12-05T03:00:00Z')),
  categoryCode: 'roads',
  description: 'Ổ gà sâu trước cổng chợ.',
  attributes: { danger: 'no' },
  location: { lat: 10.53, lng: 106.41, accuracy: 12 },
  ...patch,
});

describe('the report form’s rules', () => {
  it('asks each step for what it needs', () => {
    expect(validateStep('category', filled({ categoryCode: null }), null)).toEqual({
      'report-category': 'errors.category',
    });
    expect(validateStep('what', filled({ description: ' short ', attributes: {} }), POTHOLE)).toEqual({
      'report-description': 'errors.descriptionShort',
      'report-attr-danger': 'errors.attribute',
    });
    expect(validateStep('where', filled({ location: null }), POTHOLE)).toEqual({
      'report-place': 'errors.place',
    });
    // A commune is enough without GPS; a petition needs no place at all.
    expect(validateStep('where', filled({ location: null, communeCode: '25459' }), POTHOLE)).toEqual({});
    expect(validateStep('where', filled({ kind: 'petition', location: null }), OTHER)).toEqual({});
  });

  it('wants consent with a phone or an e-mail, and a name to show it', () => {
    expect(validateStep('contact', filled({ phone: '12345' }), null)).toEqual({
      'report-phone': 'errors.phone',
      'report-consent': 'errors.consent',
    });
    expect(validateStep('contact', filled({ phone: '+84 912 345 678', consent: true }), null)).toEqual({});
    expect(validateStep('contact', filled({ email: 'an@', consent: true }), null)).toEqual({
      'report-email': 'errors.email',
    });
    expect(validateStep('contact', filled({ showName: true }), null)).toEqual({
      'report-name': 'errors.nameToShow',
    });
    expect(firstInvalidStep(filled(), POTHOLE)).toBeNull();
    expect(firstInvalidStep(filled({ description: '' }), POTHOLE)).toBe('what');
  });

  it('makes a body the contract accepts, with the consent version only alongside a contact', () => {
    const plain = bodyOf(filled({ name: '  Lan ', addressText: '  ' }), '2026-12-05');
    expect(CreateCaseBodySchema.parse(plain)).toMatchObject({
      name: 'Lan',
      showName: false,
      addressText: null,
    });
    expect(plain.contactConsentVersion).toBeNull();
    const withContact = bodyOf(
      filled({ email: ' lan@example.vn ', consent: true, attributes: { danger: '' } }),
      '2026-12-05',
    );
    expect(CreateCaseBodySchema.parse(withContact)).toMatchObject({
      email: 'lan@example.vn',
      contactConsentVersion: '2026-12-05',
    });
    expect(withContact.attributes).toBeUndefined();
  });
});

/** A minimal JPEG: SOI, an APP1 Exif block whose IFD0 points to a GPS IFD, then EOI. */
function jpegWithGps(
  lat: [number, number, number],
  latRef: 'N' | 'S',
  lng: [number, number, number],
  lngRef: 'E' | 'W',
) {
  const tiff = new DataView(new ArrayBuffer(200));
  let o = 0;
  tiff.setUint16(o, 0x4d4d); // big-endian "MM"
  tiff.setUint16(2, 42);
  tiff.setUint32(4, 8); // IFD0 at 8
  o = 8;
  tiff.setUint16(o, 1); // one entry: the GPS IFD pointer
  tiff.setUint16(o + 2, 0x8825);
  tiff.setUint16(o + 4, 4);
  tiff.setUint32(o + 6, 1);
  tiff.setUint32(o + 10, 26); // GPS IFD at 26
  tiff.setUint32(o + 14, 0);
  o = 26;
  tiff.setUint16(o, 4);
  const entry = (i: number, tag: number, type: number, count: number, value: number) => {
    const e = o + 2 + i * 12;
    tiff.setUint16(e, tag);
    tiff.setUint16(e + 2, type);
    tiff.setUint32(e + 4, count);
    tiff.setUint32(e + 8, value);
  };
  const rationals = (at: number, [d, m, s]: [number, number, number]) => {
    [d, 1, m, 1, s * 100, 100].forEach((v, i) => tiff.setUint32(at + i * 4, v));
  };
  entry(0, 1, 2, 2, latRef.charCodeAt(0) << 24);
  entry(1, 2, 5, 3, 100);
  entry(2, 3, 2, 2, lngRef.charCodeAt(0) << 24);
  entry(3, 4, 5, 3, 124);
  rationals(100, lat);
  rationals(124, lng);
  const exif = new Uint8Array([0x45, 0x78, 0x69, 0x66, 0, 0, ...new Uint8Array(tiff.buffer)]);
  const bytes = new Uint8Array(4 + 4 + exif.length + 2);
  const view = new DataView(bytes.buffer);
  view.setUint16(0, 0xffd8);
  view.setUint16(2, 0xffe1);
  view.setUint16(4, exif.length + 2);
  bytes.set(exif, 6);
  view.setUint16(6 + exif.length, 0xffd9);
  return bytes.buffer;
}

describe('the photo’s own place', () => {
  it('reads the GPS position from a JPEG’s EXIF block', () => {
    const gps = readExifGps(jpegWithGps([10, 32, 6], 'N', [106, 24, 36], 'E'));
    expect(gps?.lat).toBeCloseTo(10.535, 5);
    expect(gps?.lng).toBeCloseTo(106.41, 5);
    const south = readExifGps(jpegWithGps([33, 51, 0], 'S', [151, 12, 36], 'W'));
    expect(south?.lat).toBeCloseTo(-33.85, 5);
    expect(south?.lng).toBeCloseTo(-151.21, 5);
  });

  it('finds nothing in a photo without EXIF, or in what is not a JPEG', () => {
    expect(readExifGps(new Uint8Array([0xff, 0xd8, 0xff, 0xd9]).buffer)).toBeNull();
    expect(readExifGps(new TextEncoder().encode('<svg/>').buffer)).toBeNull();
    expect(readExifGps(new ArrayBuffer(1))).toBeNull();
  });
});
