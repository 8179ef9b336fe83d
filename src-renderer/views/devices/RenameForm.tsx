// Renaming a device in place (the shared NameForm, saved with updateDevice).
import type { DeviceView } from '../../../src-main/shared/devices.js';
import type { HubSession } from '../../api/hub-session.js';
import { NameForm } from '../../components/NameForm.js';

interface RenameFormProps {
  session: HubSession;
  device: DeviceView;
  onRenamed(device: DeviceView): void;
  onClose(): void;
}

export function RenameForm({ session, device, onRenamed, onClose }: RenameFormProps) {
  return (
    <NameForm
      id={device.id}
      name={device.name}
      save={(name) =>
        session.api.updateDevice({ id: device.id, name }).then((updated) => onRenamed(updated))
      }
      onClose={onClose}
    />
  );
}
