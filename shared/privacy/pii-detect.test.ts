import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findPersonalData } from './pii-detect';

describe('findPersonalData: what it finds', () => {
  it.each([
    ['0912345678'],
    ['0912 345 678'],
    ['0912.345.678'],
    ['0912-345-678'],
    ['091 234 5678'],
    ['0912 345678'],
    ['0386 123 456'],
    ['+84912345678'],
    ['+84 912 345 678'],
    ['+84 0912 345 678'],
    ['(+84) 912.345.678'],
    ['84912345678'],
    ['84 912 345 678'],
    ['0276 3822 123'],
    ['02763822123'],
    ['０９１２３４５６７８'],
  ])('a phone number written %s', (phone) => {
    expect(findPersonalData(`Bác Tư nhờ gọi lại số ${phone} để hẹn.`)).toEqual(['phone']);
    expect(findPersonalData(phone)).toEqual(['phone']);
    expect(findPersonalData(`SĐT:${phone}, chiều mai.`)).toEqual(['phone']);
  });

  it.each([['079123456789'], ['079 123 456 789'], ['0791 2345 6789'], ['001203004567']])(
    'a 12-digit citizen ID written %s',
    (id) => {
      expect(findPersonalData(`CCCD ${id}`)).toEqual(['citizen_id']);
    },
  );

  it.each([['tuan.nguyen@gmail.com'], ['mai_0912@yahoo.com.vn'], ['Hồng.Lê@tayninh.gov.vn']])(
    'an e-mail address %s',
    (email) => {
      expect(findPersonalData(`Gửi hướng dẫn vào ${email} nhé`)).toContain('email');
    },
  );

  it('lists every kind once, in a fixed order, and finds a phone after other numbers', () => {
    expect(
      findPersonalData('mail: an@vnpt.vn, CCCD 079123456789, ĐT 0912 345 678 hoặc 0987.654.321, gặp lúc 9h'),
    ).toEqual(['phone', 'citizen_id', 'email']);
    expect(findPersonalData('Hộ số 12345 0912 345 678')).toEqual(['phone']);
    expect(findPersonalData('0912345678 0987654321')).toEqual(['phone']);
  });
});

describe('findPersonalData: what it leaves alone', () => {
  it.each([
    ['Hỗ trợ ngày 05/12/2026 lúc 14:30'],
    ['Ngày 05.12.2026 10.30, 2 lần'],
    ['05-12-2026 và 2026-12-05T09:15'],
    ['Hẹn 10h30 thứ Bảy, mất 45 phút'],
    ['Đóng 150.000 đ tiền điện, 1.500.000đ học phí'],
    ['Chuyển khoản 84.912.345.678 đồng'],
    ['Số tiền 150.000.000.000 đồng'],
    ['Kích hoạt VNeID mức 2 cho 3 người trên 60 tuổi'],
    ['Mã phản ánh PAKN.20200812.0012'],
    ['Ấp 3, tổ 12, khu phố 4; 10 20 30 40 50'],
    ['Năm 2026, 96 xã phường, 8.536 km²'],
    ['Lương 12.000.000 đ/tháng, 08 giờ'],
    ['Mã bưu chính 840000, số nhà 123/45'],
    ['@Tổ trưởng nhờ xem lại'],
    ['123456789012'],
  ])('%s', (text) => {
    expect(findPersonalData(text)).toEqual([]);
  });
});

const digit = fc.integer({ min: 0, max: 9 }).map(String);
const digits = (n: number) => fc.array(digit, { minLength: n, maxLength: n }).map((d) => d.join(''));
const filler = fc.constantFrom('', 'Bác Năm ', 'gọi ', 'số: ', 'ĐT ', '(', '- ');
const trailer = fc.constantFrom('', ' nhé', '.', ', chiều mai', ')', ' để hẹn');

/** A mobile number as people type it: prefix form, then the 9 national digits grouped one of the usual ways. */
const writtenMobile = fc
  .tuple(
    fc.constantFrom('3', '5', '7', '8', '9'),
    digits(8),
    fc.constantFrom('0', '+84', '+84 ', '84 ', '(+84) '),
    fc.constantFrom('', ' ', '.', '-'),
    fc.constantFrom([3, 3, 3], [2, 3, 4], [3, 4, 2], [3, 6]),
  )
  .map(([first, rest, prefix, separator, sizes]) => {
    const national = first + rest;
    const whole = (prefix === '0' ? '0' : '') + national;
    // The first group carries the trunk 0 ("0912 …"), after a country code it is the bare national part.
    const groups: string[] = [];
    let at = 0;
    for (const [i, size] of sizes.entries()) {
      const take = i === 0 && prefix === '0' ? size + 1 : size;
      groups.push(whole.slice(at, at + take));
      at += take;
    }
    if (at < whole.length) groups[groups.length - 1] += whole.slice(at);
    const body = groups.join(separator);
    return prefix === '0' ? body : `${prefix}${body}`;
  });

describe('findPersonalData: properties', () => {
  it('finds every mobile number however it is grouped and wherever it sits in a sentence', () => {
    fc.assert(
      fc.property(filler, writtenMobile, trailer, (before, phone, after) => {
        expect(findPersonalData(`${before}${phone}${after}`)).toContain('phone');
      }),
    );
  });

  it('never flags a date, a time or a date with its time', () => {
    const date = fc.date({ min: new Date('1900-01-01'), max: new Date('2100-12-31'), noInvalidDate: true });
    const pad = (n: number) => String(n).padStart(2, '0');
    fc.assert(
      fc.property(
        date,
        fc.constantFrom('/', '.', '-'),
        fc.constantFrom(':', 'h', '.', 'g'),
        (at, sep, timeSep) => {
          const d = pad(at.getUTCDate());
          const m = pad(at.getUTCMonth() + 1);
          const y = String(at.getUTCFullYear());
          const time = `${pad(at.getUTCHours())}${timeSep}${pad(at.getUTCMinutes())}`;
          for (const text of [
            `${d}${sep}${m}${sep}${y}`,
            `${at.getUTCDate()}${sep}${at.getUTCMonth() + 1}${sep}${y}`,
            `${y}-${m}-${d}`,
            `ngày ${d}${sep}${m}${sep}${y} ${time}`,
            `lúc ${time} ngày ${d}${sep}${m}`,
          ]) {
            expect(findPersonalData(text)).toEqual([]);
          }
        },
      ),
    );
  });

  it('never flags an amount in đồng written with thousands dots, nor a number of up to 8 digits', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 1n, max: 999_999_999_999n }),
        fc.integer({ min: 0, max: 99_999_999 }),
        (amount, small) => {
          const grouped = amount.toString().replace(/\B(?=(\d{3})+(?!\d))/g, '.');
          expect(findPersonalData(`Thanh toán ${grouped} đ`)).toEqual([]);
          expect(findPersonalData(`${grouped}đ`)).toEqual([]);
          expect(findPersonalData(`mất ${small} phút, ${small} lần`)).toEqual([]);
        },
      ),
    );
  });
});
