"""The daily jobs' first step: move what Redis buffered into the database, or say why it could not."""

import redis

from stats import buffer

UNREACHABLE = (
    "Không đọc được bộ đệm Redis ({error}): các lượt truy cập đang đệm chưa được chuyển vào cơ sở dữ liệu. "
    "Phần còn lại đã chạy xong; hãy chạy lại lệnh khi Redis hoạt động."
)


def flush_buffer():
    """None when the buffer was flushed (or is not used); otherwise the message the job must end with.

    A Redis that cannot be reached must not stop the job before the work that needs only the
    database (the deletion of old hashed rows, the figures): the job does it and fails afterwards.
    """
    if not buffer.enabled():
        return None
    try:
        buffer.flush()
    except redis.RedisError as error:
        return UNREACHABLE.format(error=error)
    return None
