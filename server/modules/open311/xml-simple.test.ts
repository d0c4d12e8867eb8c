import { describe, expect, it } from 'vitest';
import { parseLikeFixMyStreet, rootName } from './xml-simple.test-helper';

/** The replay's reader must read as XML::Simple does and refuse what a real parser would, or the replay proves nothing. */
describe('the XML::Simple stand-in', () => {
  it('drops the root, folds GroupTags, forces lists, leaves empty elements undefined', () => {
    const xml =
      '<?xml version="1.0" encoding="utf-8"?>\n<service_definition><service_code>roads</service_code>' +
      '<attributes><attribute><code>hazard</code><values><value><key>a</key><name>A &amp; B</name></value></values>' +
      '<datatype_description/></attribute></attributes></service_definition>';
    expect(rootName(xml)).toBe('service_definition');
    expect(parseLikeFixMyStreet(xml)).toEqual({
      service_code: 'roads',
      attributes: [
        { code: 'hazard', values: [{ key: 'a', name: 'A & B' }], datatype_description: undefined },
      ],
    });
    expect(parseLikeFixMyStreet('<service_requests><request><x>1</x></request></service_requests>')).toEqual({
      request: [{ x: '1' }],
    });
    expect(parseLikeFixMyStreet('<r><a>1</a><a>2</a><b>&#x110;&#272;</b></r>')).toEqual({
      a: ['1', '2'],
      b: 'ĐĐ',
    });
  });

  it('refuses malformed documents', () => {
    for (const bad of [
      '<a><b></a>',
      '<a>x</a><b/>',
      '<a>&nbsp;</a>',
      '<a x="1"/>',
      '<a>text<b/></a>',
      '<a>',
      'plain',
    ]) {
      expect(() => parseLikeFixMyStreet(bad), bad).toThrow(/XML/);
    }
  });
});
