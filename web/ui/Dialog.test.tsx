import { describe, expect, it } from 'vitest';
import { useState } from 'react';
import { fireEvent, render, screen } from '@testing-library/react';
import { Dialog } from './Dialog';

function Harness() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        Mở hộp thoại
      </button>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        title="Xác nhận"
        footer={
          <>
            <button type="button">Huỷ</button>
            <button type="button">Đồng ý</button>
          </>
        }
      >
        <p>Bạn chắc chắn chứ?</p>
      </Dialog>
    </>
  );
}

describe('Dialog', () => {
  it('opens with focus inside, keeps Tab inside, closes on Esc and gives focus back', () => {
    render(<Harness />);
    const opener = screen.getByRole('button', { name: 'Mở hộp thoại' });
    opener.focus();
    fireEvent.click(opener);

    expect(screen.getByText('Bạn chắc chắn chứ?')).toBeTruthy();
    const cancel = screen.getByRole('button', { name: 'Huỷ' });
    const confirm = screen.getByRole('button', { name: 'Đồng ý' });
    const close = screen.getByRole('button', { name: 'Đóng' });
    expect(document.activeElement).toBe(cancel);

    confirm.focus();
    fireEvent.keyDown(confirm, { key: 'Tab' });
    expect(document.activeElement).toBe(close);
    fireEvent.keyDown(close, { key: 'Tab', shiftKey: true });
    expect(document.activeElement).toBe(confirm);

    fireEvent.keyDown(confirm, { key: 'Escape' });
    expect(screen.queryByText('Bạn chắc chắn chứ?')).toBeNull();
    expect(document.activeElement).toBe(opener);
  });
});
