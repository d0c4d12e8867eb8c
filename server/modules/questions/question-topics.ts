import { SKILLS, SKILL_NAMES, type Skill } from '../../../shared/contracts/services';
import { AppError } from '../../platform/errors';

/** A service of the catalogue as the Q&A needs it (given by the composition root from the services module). */
export interface CatalogueService {
  code: string;
  name: string;
  nameEn: string;
  status: 'active' | 'retired';
}

export interface Topic {
  code: string;
  name: string;
  nameEn: string;
  group: 'skill' | 'service' | 'procedures' | 'other';
}

const PROCEDURES: Topic = {
  code: 'procedures',
  name: 'Thủ tục hành chính',
  nameEn: 'Administrative procedures',
  group: 'procedures',
};
const OTHER: Topic = { code: 'other', name: 'Khác', nameEn: 'Other', group: 'other' };

/**
 * The Q&A's topics (issue 11): the five basic digital skills and the catalogue's platforms and services (so a
 * question about VNeID sits beside the support records about it), administrative procedures, and "other".
 */
export function createTopics(listServices: () => Promise<CatalogueService[]>) {
  async function list(): Promise<Topic[]> {
    const services = (await listServices()).filter((s) => s.status === 'active');
    return [
      ...SKILLS.map((s) => ({
        code: `skill.${s}`,
        name: SKILL_NAMES[s].vi,
        nameEn: SKILL_NAMES[s].en,
        group: 'skill' as const,
      })),
      ...services.map((s) => ({
        code: `service.${s.code}`,
        name: s.name,
        nameEn: s.nameEn,
        group: 'service' as const,
      })),
      PROCEDURES,
      OTHER,
    ];
  }

  /** The topic if it exists (a retired service stays readable on old questions but is refused for new ones). */
  async function check(code: string, field = 'body.topic'): Promise<string> {
    if (code === 'procedures' || code === 'other') return code;
    if (code.startsWith('skill.') && (SKILLS as readonly string[]).includes(code.slice(6))) return code;
    if (code.startsWith('service.')) {
      const service = (await listServices()).find((s) => s.code === code.slice(8));
      if (service?.status === 'active') return code;
    }
    throw new AppError('VALIDATION', 'Choose one of the listed topics.', {
      messageVi: 'Hãy chọn một chủ đề trong danh sách.',
      details: [{ path: field, message: 'Unknown topic.', messageVi: 'Chủ đề không tồn tại.' }],
    });
  }

  /** Names of any topic code, including a retired service's. */
  async function nameOf(code: string): Promise<{ name: string; nameEn: string }> {
    if (code === 'procedures') return PROCEDURES;
    if (code === 'other') return OTHER;
    if (code.startsWith('skill.')) {
      const s = code.slice(6) as Skill;
      if (SKILL_NAMES[s]) return { name: SKILL_NAMES[s].vi, nameEn: SKILL_NAMES[s].en };
    }
    const service = (await listServices()).find((s) => s.code === code.slice(8));
    return service ? { name: service.name, nameEn: service.nameEn } : { name: code, nameEn: code };
  }

  return { list, check, nameOf };
}
export type Topics = ReturnType<typeof createTopics>;
