// An address, or – for any protected person – only the text "Skyddad adress", never the address itself.
import type { PersonDetails } from '../../shared/api';
import { useT, type Protection } from '../i18n';
import { Icon } from './Icon';

export function AddressBlock({ protection, address }: { protection: Protection; address: PersonDetails['address'] }) {
  const t = useT();
  if (protection !== 'ingen') {
    return (
      <span className="protected-address">
        <Icon name="lock" size={16} />
        <span>
          <strong>{t.protectedAddress}</strong>
          <span className="visually-hidden">. </span>
          <span className="hint block">{t.protectedAddressHint}</span>
        </span>
      </span>
    );
  }
  if (!address) return <span className="muted">{t.notSet}</span>;
  return (
    <address>
      {address.street}
      <br />
      {address.postalCode} {address.city}
    </address>
  );
}
