package dev.magmaeval.harness.media;

import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_FLAG_DISCARD;
import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_FLAG_KEY;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_decoder;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_flush_buffers;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_to_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_frame;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_packet;
import static org.bytedeco.ffmpeg.global.avformat.av_find_best_stream;
import static org.bytedeco.ffmpeg.global.avformat.av_read_frame;
import static org.bytedeco.ffmpeg.global.avformat.av_seek_frame;
import static org.bytedeco.ffmpeg.global.avformat.avformat_close_input;
import static org.bytedeco.ffmpeg.global.avformat.avformat_find_stream_info;
import static org.bytedeco.ffmpeg.global.avformat.avformat_open_input;
import static org.bytedeco.ffmpeg.global.avformat.AVSEEK_FLAG_BACKWARD;
import static org.bytedeco.ffmpeg.global.avcodec.AVDISCARD_ALL;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EAGAIN;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;
import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_QUIET;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_BGR24;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_log_set_level;
import static org.bytedeco.ffmpeg.global.avutil.av_strerror;
import static org.bytedeco.ffmpeg.global.swscale.SWS_BILINEAR;
import static org.bytedeco.ffmpeg.global.swscale.sws_freeContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_getCachedContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_scale;

import dev.magmaeval.harness.api.MediaException;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.ffmpeg.swscale.SwsContext;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerPointer;

/**
 * One open video file: demuxer, decoder and colour converter of its best video stream, over FFmpeg's C API. Not
 * thread-safe; each sampling call opens its own. Every failure is a {@link MediaException} naming the file.
 */
final class FfmpegVideo implements AutoCloseable {

  static {
    // FFmpeg logs corrupt input to stderr from native code; errors reach the caller as MediaException instead.
    av_log_set_level(AV_LOG_QUIET);
  }

  /** The video stream's packets in presentation order: timestamps (stream time base) and keyframe flags. */
  record PacketIndex(long[] pts, long[] keyPts, boolean timestampsUsable) {
    long count() {
      return pts.length;
    }

    /** The position in {@link #keyPts} of the last keyframe at or before {@code ts}, or -1. */
    int keyAtOrBefore(long ts) {
      int i = Arrays.binarySearch(keyPts, ts);
      return i >= 0 ? i : -i - 2;
    }
  }

  private final Path path;
  private final int decoderThreads;
  private AVFormatContext format;
  private AVCodecContext codec;
  private AVPacket packet;
  private AVFrame frame;
  private SwsContext sws;
  private BytePointer bgr;
  private IntPointer bgrStride;
  private PointerPointer<BytePointer> bgrPlanes;
  private int streamIndex;
  private AVStream stream;
  private boolean flushed;

  private FfmpegVideo(Path path, int decoderThreads) {
    this.path = path;
    this.decoderThreads = decoderThreads;
  }

  static FfmpegVideo open(Path path, int decoderThreads) {
    if (!Files.isRegularFile(path)) {
      throw new MediaException("video not found: " + path);
    }
    FfmpegVideo v = new FfmpegVideo(path, decoderThreads);
    try {
      v.openInput();
      return v;
    } catch (RuntimeException e) {
      v.close();
      throw e;
    }
  }

  private void openInput() {
    format = new AVFormatContext(null);
    check(avformat_open_input(format, path.toString(), null, null), "opening");
    check(avformat_find_stream_info(format, (AVDictionary) null), "reading stream info of");
    streamIndex = av_find_best_stream(format, AVMEDIA_TYPE_VIDEO, -1, -1, (AVCodec) null, 0);
    if (streamIndex < 0) throw new MediaException("no video stream in " + path);
    for (int i = 0; i < format.nb_streams(); i++) {
      if (i != streamIndex) format.streams(i).discard(AVDISCARD_ALL);
    }
    stream = format.streams(streamIndex);
    AVCodec decoder = avcodec_find_decoder(stream.codecpar().codec_id());
    if (decoder == null || decoder.isNull()) {
      throw new MediaException("no decoder for the video codec of " + path);
    }
    codec = avcodec_alloc_context3(decoder);
    check(avcodec_parameters_to_context(codec, stream.codecpar()), "reading codec parameters of");
    codec.pkt_timebase(stream.time_base());
    codec.thread_count(decoderThreads);
    check(avcodec_open2(codec, decoder, (AVDictionary) null), "opening the decoder of");
    packet = av_packet_alloc();
    frame = av_frame_alloc();
  }

  VideoInfo info(PacketIndex index) {
    AVRational r = stream.avg_frame_rate();
    if (r.num() == 0 || r.den() == 0) r = stream.r_frame_rate();
    double fps = r.den() == 0 ? 0 : (double) r.num() / r.den();
    return new VideoInfo(
        index.count(), fps, codec.width(), codec.height(), codec.codec().name().getString(), index.keyPts().length);
  }

  /**
   * Reads every packet of the video stream without decoding it (as decord's index does); the demuxer is then at the
   * end, so seek or {@link #rewind} next. Packets the
   * demuxer marks as discarded (edit lists) never become frames and are left out.
   */
  PacketIndex scan() {
    long[] pts = new long[1024];
    long[] keys = new long[64];
    int n = 0;
    int k = 0;
    boolean usable = true;
    int ret;
    while ((ret = av_read_frame(format, packet)) >= 0) {
      try {
        if (packet.stream_index() != streamIndex || (packet.flags() & AV_PKT_FLAG_DISCARD) != 0) continue;
        long ts = packet.pts() != AV_NOPTS_VALUE ? packet.pts() : packet.dts();
        if (ts == AV_NOPTS_VALUE) usable = false;
        if (n == pts.length) pts = Arrays.copyOf(pts, n * 2);
        pts[n++] = ts;
        if ((packet.flags() & AV_PKT_FLAG_KEY) != 0) {
          if (k == keys.length) keys = Arrays.copyOf(keys, k * 2);
          keys[k++] = ts;
        }
      } finally {
        av_packet_unref(packet);
      }
    }
    if (ret != AVERROR_EOF) check(ret, "reading");
    pts = Arrays.copyOf(pts, n);
    keys = Arrays.copyOf(keys, k);
    Arrays.sort(pts);
    Arrays.sort(keys);
    for (int i = 1; i < n && usable; i++) {
      if (pts[i] == pts[i - 1]) usable = false;
    }
    return new PacketIndex(pts, keys, usable && k > 0);
  }

  /**
   * Back to the first frame. Reopening is the one way that works for every demuxer: some refuse a seek before their
   * first timestamp, and a seek that lands late would shift every frame number of a sequential decode.
   */
  void rewind() {
    closeNative();
    openInput();
  }

  /** Seeks to the last keyframe at or before {@code ts} (stream time base). */
  void seek(long ts) {
    check(av_seek_frame(format, streamIndex, ts, AVSEEK_FLAG_BACKWARD), "seeking in");
    resetDecoder();
  }

  private void resetDecoder() {
    avcodec_flush_buffers(codec);
    flushed = false;
  }

  /**
   * Decodes the next frame in presentation order into the current frame; false at the end of the stream. Packets that
   * fail to decode are corrupt input: a {@link MediaException}.
   */
  boolean next() {
    while (true) {
      int ret = avcodec_receive_frame(codec, frame);
      if (ret >= 0) return true;
      if (ret == AVERROR_EOF) return false;
      if (ret != AVERROR_EAGAIN()) check(ret, "decoding");
      if (flushed) return false;
      ret = av_read_frame(format, packet);
      if (ret == AVERROR_EOF) {
        check(avcodec_send_packet(codec, null), "decoding");
        flushed = true;
        continue;
      }
      check(ret, "reading");
      try {
        if (packet.stream_index() == streamIndex) check(avcodec_send_packet(codec, packet), "decoding");
      } finally {
        av_packet_unref(packet);
      }
    }
  }

  /** The current frame's timestamp in the stream time base. */
  long framePts() {
    long ts = frame.best_effort_timestamp();
    return ts != AV_NOPTS_VALUE ? ts : frame.pts();
  }

  /**
   * The current frame as an RGB image, converted with swscale's defaults as PyAV's {@code to_ndarray(format="rgb24")}
   * does (bilinear, BT.601 unless the frame is full-range JPEG YUV). BGR24 is the same conversion with the bytes in
   * the order {@code TYPE_3BYTE_BGR} stores them.
   */
  BufferedImage image() {
    int w = frame.width();
    int h = frame.height();
    sws = sws_getCachedContext(
        sws, w, h, frame.format(), w, h, AV_PIX_FMT_BGR24, SWS_BILINEAR, null, null, (DoublePointer) null);
    if (sws == null || sws.isNull()) {
      throw new MediaException("cannot convert frames of " + path + " to RGB (pixel format " + frame.format() + ")");
    }
    // swscale's SIMD code writes whole vectors: give each row an aligned stride and the buffer some slack.
    int row = w * 3;
    int stride = (row + 63) & ~63;
    long size = (long) stride * h + 64;
    if (bgr == null || bgr.capacity() < size) {
      if (bgr != null) bgr.close();
      bgr = new BytePointer(size);
    }
    if (bgrPlanes == null) {
      bgrPlanes = new PointerPointer<>(4);
      bgrStride = new IntPointer(0, 0, 0, 0);
    }
    bgrPlanes.put(0, bgr);
    bgrStride.put(0, stride);
    sws_scale(sws, frame.data(), frame.linesize(), 0, h, bgrPlanes, bgrStride);
    BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
    byte[] pixels = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
    for (int y = 0; y < h; y++) {
      bgr.position((long) y * stride).get(pixels, y * row, row);
    }
    bgr.position(0);
    return image;
  }

  private void check(int ret, String doing) {
    if (ret >= 0) return;
    byte[] buf = new byte[256];
    av_strerror(ret, buf, buf.length);
    int len = 0;
    while (len < buf.length && buf[len] != 0) len++;
    String reason = new String(buf, 0, len, StandardCharsets.UTF_8);
    throw new MediaException("error " + doing + " video " + path + ": " + reason);
  }

  private void closeNative() {
    if (codec != null) avcodec_free_context(codec);
    codec = null;
    if (format != null && !format.isNull()) avformat_close_input(format);
    format = null;
    if (packet != null) av_packet_free(packet);
    packet = null;
    if (frame != null) av_frame_free(frame);
    frame = null;
    flushed = false;
  }

  @Override
  public void close() {
    closeNative();
    if (sws != null) sws_freeContext(sws);
    sws = null;
    if (bgr != null) bgr.close();
    if (bgrPlanes != null) bgrPlanes.close();
    if (bgrStride != null) bgrStride.close();
    bgr = null;
  }

  @Override
  public String toString() {
    return "FfmpegVideo[" + path + "]";
  }
}
