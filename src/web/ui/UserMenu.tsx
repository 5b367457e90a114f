// Disclosure with the user's identity and the two logout actions.
import { useEffect, useId, useRef, useState } from 'react';
import type { SessionInfo } from '../../shared/api';
import { useLogout } from '../api/queries';
import { useT } from '../i18n';
import { pendingMobileActions } from '../mobile/device-store';
import { Icon } from './Icon';

type Actor = NonNullable<SessionInfo['actor']>;

export function UserMenu({ actor }: { actor: Actor }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const logout = useLogout();
  // Check-ins and notes made on the phone that have not reached the server are removed at logout:
  // say so and let the user stay logged in to send them first.
  const logOut = (everywhere: boolean) => {
    const pending = pendingMobileActions();
    if (pending > 0 && !window.confirm(t.logoutPendingMobile(pending))) return;
    logout.mutate(everywhere);
  };

  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        setOpen(false);
        button.current?.focus();
      }
    };
    const onPointer = (e: PointerEvent) => {
      if (root.current && !root.current.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [open]);

  const subtitle = actor.title ?? t.views[actor.view];
  const org = actor.providerName ?? actor.unitName;

  return (
    <div
      className="user-menu"
      ref={root}
      onBlur={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setOpen(false);
      }}
    >
      <button
        ref={button}
        type="button"
        className="header-button user-button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((v) => !v)}
      >
        <Icon name="user" />
        <span className="user-button-text">
          <span className="user-name">{actor.name}</span>
          {subtitle && <span className="user-title">{subtitle}</span>}
        </span>
        <span className="visually-hidden">, {t.account}</span>
        <Icon name="chevron" size={16} />
      </button>
      <div id={panelId} className="user-panel" hidden={!open}>
        <p className="user-panel-name">{actor.name}</p>
        {subtitle && <p className="muted">{subtitle}</p>}
        {org && <p className="muted">{org}</p>}
        <p className="muted">{actor.municipality.name}</p>
        <div className="user-panel-actions">
          <button type="button" className="button" disabled={logout.isPending} onClick={() => logOut(false)}>
            {logout.isPending ? t.loggingOut : t.logout}
          </button>
          <button type="button" className="button button--secondary" disabled={logout.isPending} onClick={() => logOut(true)}>
            {t.logoutEverywhere}
          </button>
        </div>
      </div>
    </div>
  );
}
