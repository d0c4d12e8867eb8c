import type { DataSubjectExport } from '../../../shared/contracts/privacy';
import { formatLocalDateTime } from '../../../shared/time/vietnam-time';
import { renderPdf } from '../../platform/pdf/pdf-document';

const KIND_VI: Record<DataSubjectExport['kind'], string> = {
  access: 'xem dữ liệu',
  correction: 'sửa dữ liệu',
  deletion: 'xoá dữ liệu',
  restriction: 'hạn chế xử lý',
  withdrawal: 'rút lại sự đồng ý',
  objection: 'phản đối xử lý',
};

function valueText(value: string | number | boolean | null): string {
  if (value === null) return '—';
  if (typeof value === 'boolean') return value ? 'Có / yes' : 'Không / no';
  return String(value);
}

/**
 * The access export as the person receives it on paper or by e-mail: who holds what about them, module by module,
 * Vietnamese first with the English beside it, dates in Vietnam time.
 */
export function renderExportPdf(data: DataSubjectExport): Promise<Buffer> {
  return renderPdf({ title: `Dữ liệu cá nhân — ${data.code}`, subject: 'Personal data export' }, (doc) => {
    doc.font('bold').fontSize(16).text('Dữ liệu cá nhân của bạn trên Cộng Đồng Số');
    doc.font('body').fontSize(10).fillColor('#444').text('Your personal data on Cộng Đồng Số');
    doc.moveDown();
    doc.fillColor('#000').fontSize(11);
    doc.text(`Mã yêu cầu / request: ${data.code} (${KIND_VI[data.kind]} / ${data.kind})`);
    doc.text(`Liên hệ / contact: ${data.contact}`);
    doc.text(`Lập lúc / generated: ${formatLocalDateTime(data.generatedAt)} (giờ Việt Nam)`);
    doc.moveDown();
    if (data.items.length === 0) {
      doc.text('Hệ thống không lưu dữ liệu nào gắn với liên hệ này. / Nothing is held about this contact.');
      return;
    }
    for (const item of data.items) {
      doc.font('bold').fontSize(12).text(`${item.label.vi} / ${item.label.en}`);
      doc.font('body').fontSize(9).fillColor('#444').text(`Mục đích / purpose: ${item.purpose} · ${item.recordId}`);
      doc.fillColor('#000').fontSize(11);
      for (const [key, value] of Object.entries(item.data)) doc.text(`${key}: ${valueText(value)}`, { indent: 12 });
      doc.moveDown(0.6);
    }
  });
}
