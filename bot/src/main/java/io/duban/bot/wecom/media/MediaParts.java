package io.duban.bot.wecom.media;

import io.duban.storage.model.FileContent;
import okhttp3.Headers;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.RequestBody;

/**
 * The multipart body of WeCom's HTTP uploads: one part named {@code media} with the filename (shown to the reader,
 * UTF-8 as browsers send it) and {@code filelength}.
 */
public final class MediaParts {
    private static final MediaType OCTET_STREAM = MediaType.get("application/octet-stream");

    private MediaParts() {
    }

    public static RequestBody media(FileContent file) {
        String name = file.fileName().replaceAll("[\"\\\\\\r\\n]", "_");
        Headers headers = new Headers.Builder()
                .addUnsafeNonAscii("Content-Disposition", "form-data; name=\"media\"; filename=\"" + name
                        + "\"; filelength=" + file.bytes().length)
                .build();
        return new MultipartBody.Builder().setType(MultipartBody.FORM)
                .addPart(headers, RequestBody.create(file.bytes(), OCTET_STREAM))
                .build();
    }
}
