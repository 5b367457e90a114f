import { useI18n } from '../i18n';
import { Icon } from './Icon';

/** One button naming the other language in that language (lang attribute set for screen readers). */
export function LanguageSwitch() {
  const { t, lang, setLang } = useI18n();
  const next = lang === 'sv' ? 'en' : 'sv';
  return (
    <button type="button" className="header-button" lang={next} aria-label={t.languageSwitchLabel} onClick={() => setLang(next)}>
      <Icon name="globe" />
      <span>{t.languageSwitch}</span>
    </button>
  );
}
