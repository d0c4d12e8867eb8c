import { useTranslation } from 'react-i18next';
import { Select } from '../../ui';
import { useTemplates, type ReplyTemplate } from './queries';

/**
 * Ready-made wording for one purpose (refuse, accept, answer…): choosing one puts its text in the field, where the
 * handler can still edit it. Hidden when the province has none for that purpose.
 */
export function TemplatePicker({
  purpose,
  onPick,
}: {
  purpose: ReplyTemplate['purpose'];
  onPick: (body: string) => void;
}) {
  const { t } = useTranslation('case-handling');
  const templates = useTemplates();
  const usable = (templates.data ?? []).filter((tpl) => tpl.purpose === purpose && tpl.active);
  if (usable.length === 0) return null;
  return (
    <Select
      label={t('actions.template')}
      value=""
      placeholder={t('common.choose')}
      options={usable.map((tpl) => ({ value: tpl.id, label: tpl.title }))}
      onChange={(e) => {
        const chosen = usable.find((tpl) => tpl.id === e.target.value);
        if (chosen) onPick(chosen.body);
      }}
    />
  );
}
