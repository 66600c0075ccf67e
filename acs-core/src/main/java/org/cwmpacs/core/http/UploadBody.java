package org.cwmpacs.core.http;

import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.LastHttpContent;

/**
 * A connection's streamed request body (a file upload), piece by piece on its event loop: to the upload the
 * request started, or dropped when the request was refused, until its last piece.
 */
public final class UploadBody {
    private FileUpload upload;
    private boolean discarding;

    /** The request was refused: its pieces are dropped. */
    public void discard() {
        upload = null;
        discarding = true;
    }

    /** The request's pieces go to {@code started}. */
    public void to(FileUpload started) {
        upload = started;
        discarding = false;
    }

    public void piece(HttpContent content) {
        boolean last = content instanceof LastHttpContent;
        if (upload != null && !discarding) {
            upload.offer(content);
            if (last) {
                upload = null;
            }
        } else if (last) {
            discarding = false;
        }
    }

    /** The connection closed: an unfinished upload stores nothing. */
    public void connectionClosed() {
        if (upload != null) {
            upload.abort();
            upload = null;
        }
    }
}
