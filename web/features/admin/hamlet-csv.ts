/** The columns the import reads (server/modules/geography: commune_code may be empty when a commune is chosen). */
export const HAMLET_CSV_TEMPLATE = [
  'commune_code,name,kind,local_code',
  '25459,Khu phố 1,khu phố,KP01',
  '25459,Ấp Bình Phú,ấp,AP02',
  ',Ấp Tân Hòa,ấp,',
].join('\r\n');

/**
 * Saves the template as a file. The byte-order mark makes Excel open it as UTF-8, so Vietnamese names are not
 * garbled; the importer strips it again.
 */
export function downloadCsvTemplate(): void {
  const blob = new Blob([`\uFEFF${HAMLET_CSV_TEMPLATE}\r\n`], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = 'mau-nhap-ap-khu-pho.csv';
  document.body.append(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
}
