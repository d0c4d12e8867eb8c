import type { CaseReplyTemplatesTable } from '../../db/schema';

/**
 * The reply templates a province starts with (Vietnamese, as handlers write to citizens): the usual refusals of
 * the 1022 hotline and Huế-S (not competent, not enough information, a duplicate, outside the province), and one
 * each for accepting, a progress update and an answer. Administrators edit or retire them; "{…}" marks what the
 * handler fills in.
 */
export const DEFAULT_REPLY_TEMPLATES: readonly Pick<CaseReplyTemplatesTable, 'purpose' | 'title' | 'body'>[] =
  [
    {
      purpose: 'refuse',
      title: 'Không thuộc thẩm quyền',
      body:
        'Nội dung phản ánh không thuộc thẩm quyền giải quyết của cơ quan tiếp nhận. Đề nghị Quý ông/bà liên hệ ' +
        '{cơ quan có thẩm quyền} để được hướng dẫn, giải quyết theo quy định.',
    },
    {
      purpose: 'refuse',
      title: 'Chưa đủ thông tin',
      body:
        'Phản ánh chưa đủ thông tin để xác minh (địa điểm, thời gian, hình ảnh). Đề nghị Quý ông/bà gửi lại phản ánh ' +
        'với địa điểm cụ thể và hình ảnh (nếu có) để cơ quan chức năng xử lý.',
    },
    {
      purpose: 'refuse',
      title: 'Trùng phản ánh đã tiếp nhận',
      body:
        'Nội dung này trùng với phản ánh {mã phản ánh} đã được tiếp nhận và đang được xử lý. Quý ông/bà có thể theo ' +
        'dõi kết quả theo mã phản ánh đó.',
    },
    {
      purpose: 'refuse',
      title: 'Ngoài địa bàn tỉnh',
      body:
        'Địa điểm phản ánh nằm ngoài địa bàn tỉnh nên hệ thống không thể tiếp nhận. Đề nghị Quý ông/bà gửi phản ánh ' +
        'đến kênh tiếp nhận của địa phương nơi xảy ra sự việc.',
    },
    {
      purpose: 'accept',
      title: 'Đã tiếp nhận',
      body:
        'Phản ánh của Quý ông/bà đã được tiếp nhận và chuyển đến {cơ quan xử lý}. Kết quả sẽ được cập nhật trên trang ' +
        'theo dõi phản ánh.',
    },
    {
      purpose: 'public_update',
      title: 'Đang kiểm tra hiện trường',
      body: 'Cơ quan xử lý đã cử cán bộ kiểm tra hiện trường và đang phối hợp các đơn vị liên quan để khắc phục.',
    },
    {
      purpose: 'answer',
      title: 'Đã khắc phục xong',
      body:
        'Cơ quan xử lý đã kiểm tra và khắc phục xong nội dung phản ánh vào ngày {ngày}. Cảm ơn Quý ông/bà đã phản ánh; ' +
        'mời Quý ông/bà đánh giá mức độ hài lòng về kết quả xử lý.',
    },
    {
      purpose: 'reassign',
      title: 'Chuyển cơ quan có thẩm quyền',
      body: 'Nội dung phản ánh thuộc thẩm quyền của {cơ quan}, đã chuyển để xử lý theo quy định.',
    },
  ];
