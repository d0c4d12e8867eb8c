import { sql, type Kysely } from 'kysely';
import type { DB, QuestionsTable } from '../server/db/schema';
import { vocabularyOf } from '../server/modules/questions/question-search';
import { foldText } from '../shared/text/fold';
import { seededRandom } from './cases-seed';

/**
 * The Q&A benchmark's generator (issue 11): `count` questions in the demo province, titles and texts assembled from
 * a few hundred Vietnamese words and phrases (subjects, intents, people, places, devices, fillers), so the full-text
 * index holds a realistic vocabulary of ~1,000 syllables whose frequencies range from "tôi" (nearly every question)
 * to a district name (a few hundred) — not 90 words repeated. 88 % published (70 % of them answered), the rest
 * waiting or hidden; six months of dates. Inserted in multi-row statements (the FTS5 triggers / generated tsvector
 * keep the index), the suggestion vocabulary filled, then ANALYZE (and FTS5 'optimize', as automerge would over time).
 */

// prettier-ignore
const SUBJECTS = [
  'đăng ký khai sinh', 'đăng ký khai tử', 'định danh điện tử mức 2', 'tài khoản VNeID', 'căn cước gắn chip',
  'thẻ bảo hiểm y tế', 'sổ sức khỏe điện tử', 'bảo hiểm xã hội', 'ứng dụng VssID', 'lương hưu', 'trợ cấp xã hội',
  'trợ cấp thất nghiệp', 'chuyển khoản ngân hàng', 'mã QR thanh toán', 'ví điện tử', 'ứng dụng ngân hàng',
  'xác thực sinh trắc học', 'mã OTP', 'chữ ký số', 'dịch vụ công trực tuyến', 'cổng dịch vụ công quốc gia',
  'hồ sơ trực tuyến', 'phiếu lý lịch tư pháp', 'trích lục hộ tịch', 'xác nhận tình trạng hôn nhân',
  'đăng ký kết hôn', 'đăng ký thường trú', 'đăng ký tạm trú', 'thông báo lưu trú', 'giấy phép lái xe', 'hộ chiếu',
  'sổ đỏ', 'giấy chứng nhận quyền sử dụng đất', 'giấy phép xây dựng', 'thuế đất', 'thuế thu nhập cá nhân',
  'đăng ký hộ kinh doanh', 'gian hàng trên sàn thương mại điện tử', 'livestream bán hàng', 'sản phẩm OCOP',
  'tin nhắn lừa đảo', 'cuộc gọi giả mạo công an', 'đường link lạ', 'tài khoản Zalo bị chiếm', 'mật khẩu Facebook',
  'tiền điện', 'tiền nước', 'học phí', 'vay vốn chính sách', 'hợp tác xã', 'phản ánh hiện trường', 'đèn đường hư',
  'rác thải', 'ngập nước', 'sạt lở', 'camera an ninh', 'mạng wifi', 'điện thoại thông minh', 'máy tính bảng',
  'chứng thực bản sao điện tử', 'cấp đổi giấy phép lái xe', 'khám chữa bệnh từ xa', 'tiêm chủng cho trẻ',
  'hồ sơ nhập học', 'điểm thi', 'trợ giúp pháp lý', 'hòa giải ở cơ sở', 'đăng ký nghĩa vụ quân sự',
];
// prettier-ignore
const INTENTS = [
  'làm sao để', 'cách', 'thủ tục', 'hướng dẫn', 'xin hỏi về', 'cho hỏi', 'nhờ tư vấn', 'hỏi về', 'quên', 'đổi',
  'cập nhật', 'gia hạn', 'hủy', 'khôi phục', 'kiểm tra', 'tra cứu', 'nộp', 'xin cấp', 'cấp lại', 'đăng nhập',
  'cài đặt', 'liên kết', 'thanh toán', 'sửa thông tin', 'bổ sung hồ sơ', 'nhận kết quả', 'khiếu nại về',
];
// prettier-ignore
const QUALIFIERS = [
  'ở đâu', 'mất bao lâu', 'lệ phí bao nhiêu', 'có được không', 'bị lỗi', 'không nhận được', 'cần giấy tờ gì',
  'làm online được không', 'cho người cao tuổi', 'cho con nhỏ', 'khi đi làm xa', 'trên điện thoại', 'gấp',
  'lần đầu', 'bị từ chối', 'quá hạn', 'ngoài giờ hành chính', 'vào cuối tuần', 'khi mất giấy tờ',
];
// prettier-ignore
const PEOPLE = [
  'tôi', 'mẹ tôi', 'bố tôi', 'ông nội', 'bà ngoại', 'vợ tôi', 'chồng tôi', 'con gái', 'con trai', 'cháu nội',
  'anh trai', 'chị gái', 'hàng xóm', 'người quen', 'gia đình tôi', 'bác Tư', 'cô Ba', 'chú Năm',
];
// prettier-ignore
const PLACES = [
  'Tân An', 'Bến Lức', 'Đức Hòa', 'Cần Giuộc', 'Cần Đước', 'Thủ Thừa', 'Tân Trụ', 'Châu Thành', 'Thạnh Hóa',
  'Tân Thạnh', 'Mộc Hóa', 'Kiến Tường', 'Vĩnh Hưng', 'Tân Hưng', 'Đức Huệ', 'Long Hựu', 'Phước Lợi', 'Mỹ Yên',
  'Lương Hòa', 'Tân Lân', 'Hiệp Hòa', 'Hậu Nghĩa', 'Đông Thạnh', 'Long Thượng', 'Phước Lý', 'Rạch Kiến',
  'Nhựt Chánh', 'Bình Quới', 'Thạnh Phú', 'Khánh Hưng',
];
// prettier-ignore
const DEVICES = ['điện thoại Android', 'iPhone', 'điện thoại cũ', 'máy tính', 'laptop', 'điện thoại Samsung'];
// prettier-ignore
const FILLERS = [
  'đã thử nhiều lần', 'vẫn không được', 'nhờ mọi người chỉ giúp', 'xin cảm ơn', 'rất mong được hướng dẫn',
  'cán bộ xã bảo', 'tổ công nghệ số hướng dẫn', 'hệ thống báo lỗi', 'mạng yếu', 'không biết chữ nhiều',
  'mắt kém', 'tuổi cao', 'đi làm công nhân', 'ở xa nhà', 'sắp hết hạn', 'cần gấp', 'tuần trước', 'hôm qua',
  'sáng nay', 'tháng này', 'năm ngoái', 'nghe nói', 'có người gọi điện', 'gửi tin nhắn', 'chuyển tiền',
  'bị trừ tiền', 'mất phí', 'miễn phí', 'bưu điện', 'ủy ban nhân dân', 'công an xã', 'trạm y tế',
  'ngân hàng', 'nhân viên', 'giấy hẹn', 'bản chính', 'bản sao', 'ảnh chụp', 'chữ ký', 'vân tay', 'khuôn mặt',
  'số điện thoại mới', 'địa chỉ email', 'mã hồ sơ', 'tài khoản', 'mật khẩu mới', 'tin nhắn xác nhận',
  'người khuyết tật', 'hộ nghèo', 'hộ cận nghèo', 'thương binh', 'người có công', 'học sinh', 'sinh viên',
  'nông dân', 'tiểu thương', 'chợ', 'ruộng lúa', 'vườn cây', 'ao cá', 'thanh long', 'lúa gạo', 'khô cá',
];

const ASKERS = ['Cô Ba', 'Chú Tư', 'Anh Hải', 'Chị Thảo', 'Bác Sáu', 'Minh Thư', null, null, null];
// prettier-ignore
const TOPICS = [
  'service.vneid_level2', 'service.public_service_full', 'service.public_service_partial',
  'service.payment_vietqr', 'service.payment_bank_app', 'service.payment_ewallet', 'service.online_safety',
  'service.health_book', 'service.province_app', 'service.ecommerce_stall', 'service.ecommerce_shopping',
  'procedures', 'other',
];

export interface QuestionWords {
  subjects: readonly string[];
  intents: readonly string[];
  qualifiers: readonly string[];
  people: readonly string[];
  places: readonly string[];
}
export const WORDS: QuestionWords = {
  subjects: SUBJECTS,
  intents: INTENTS,
  qualifiers: QUALIFIERS,
  people: PEOPLE,
  places: PLACES,
};

/** `places`: names to ask about (the country's communes, from the units table), else a short list. */
export function makeQuestionText(
  random: () => number,
  places: readonly string[] = PLACES,
): { title: string; body: string } {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
  const subject = pick(SUBJECTS);
  const title = [
    random() < 0.8 ? pick(INTENTS) : '',
    subject,
    random() < 0.6 ? pick(QUALIFIERS) : '',
    random() < 0.25 ? `ở ${pick(places)}` : '',
  ]
    .filter(Boolean)
    .join(' ');
  const sentences = [
    `${pick(PEOPLE)} ${random() < 0.5 ? 'muốn' : 'cần'} ${pick(INTENTS)} ${subject} ${pick(QUALIFIERS)}.`,
    `${pick(FILLERS)}, ${pick(FILLERS)} trên ${pick(DEVICES)}.`,
  ];
  const more = Math.floor(random() * 3);
  for (let i = 0; i < more; i++)
    sentences.push(`${pick(FILLERS)} ${pick(SUBJECTS)} ở ${pick(places)}, ${pick(FILLERS)}.`);
  const cap = (s: string) => s.charAt(0).toLocaleUpperCase('vi') + s.slice(1);
  return { title: `${cap(title)}?`, body: sentences.map(cap).join(' ') };
}

const DAY = 86_400_000;
const CHUNK = 500;

/** Adds `count` questions to the province (after what the demo seed wrote), the vocabulary, then ANALYZE. */
export async function growQuestions(
  db: Kysely<DB>,
  dialect: 'sqlite' | 'postgres',
  opts: {
    provinceCode: string;
    communeCodes: string[];
    places: readonly string[];
    count: number;
    seed?: number;
  },
): Promise<{ inserted: number; terms: number; ms: number }> {
  const started = performance.now();
  const random = seededRandom(opts.seed ?? 11);
  const last = await db
    .selectFrom('questions')
    .select((eb) => eb.fn.max('search_rowid').as('last'))
    .executeTakeFirst();
  let rowid = Number(last?.last ?? 0);
  const now = Date.now();
  const terms = new Set<string>();
  for (let done = 0; done < opts.count; done += CHUNK) {
    const rows: QuestionsTable[] = [];
    for (let i = done; i < Math.min(opts.count, done + CHUNK); i++) {
      const { title, body } = makeQuestionText(random, opts.places);
      const created = new Date(now - Math.floor(random() * 182 * DAY)).toISOString();
      const r = random();
      const status = r < 0.88 ? 'published' : r < 0.95 ? 'pending' : 'hidden';
      const answered = status === 'published' && random() < 0.7;
      const searchTitle = foldText(title);
      const searchBody = foldText(body);
      for (const w of vocabularyOf([searchTitle, searchBody])) terms.add(w);
      rowid += 1;
      rows.push({
        id: `${(0x19000000 + i).toString(16).padStart(8, '0')}-0000-7000-8000-${String(i).padStart(12, '0')}`,
        search_rowid: rowid,
        province_code: opts.provinceCode,
        commune_code:
          random() < 0.8 ? opts.communeCodes[Math.floor(random() * opts.communeCodes.length)]! : null,
        hamlet_id: null,
        topic: TOPICS[Math.floor(random() * TOPICS.length)]!,
        title,
        body,
        search_title: searchTitle,
        search_body: searchBody,
        status,
        hidden_reason: status === 'hidden' ? 'flags' : null,
        locked_at: null,
        closed_at: null,
        merged_into_id: null,
        asker_name: ASKERS[Math.floor(random() * ASKERS.length)]!,
        asker_email: null,
        asker_email_hash: null,
        asker_token_hash: null,
        asker_user_id: null,
        accepted_answer_id: null,
        answer_count: answered ? 1 + Math.floor(random() * 3) : 0,
        has_official_answer: answered && random() < 0.5 ? 1 : 0,
        upvotes: Math.floor(random() * random() * 20),
        helpful: 0,
        open_flags: 0,
        faq_position: null,
        faq_at: null,
        published_at: status === 'pending' ? null : created,
        first_answered_at: answered ? created : null,
        edited_at: null,
        contact_anonymised_at: null,
        created_at: created,
        updated_at: created,
      });
    }
    await db.transaction().execute(async (trx) => {
      await trx.insertInto('questions').values(rows).execute();
    });
  }
  const vocabulary = [...terms];
  for (let i = 0; i < vocabulary.length; i += 1000)
    await db
      .insertInto('question_terms')
      .values(vocabulary.slice(i, i + 1000).map((term) => ({ term })))
      .onConflict((oc) => oc.column('term').doNothing())
      .execute();
  if (dialect === 'sqlite')
    await sql`insert into questions_fts(questions_fts) values ('optimize')`.execute(db);
  await sql`analyze`.execute(db);
  return { inserted: opts.count, terms: vocabulary.length, ms: Math.round(performance.now() - started) };
}
