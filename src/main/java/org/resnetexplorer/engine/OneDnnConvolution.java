package org.resnetexplorer.engine;

import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_BIAS;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DIFF_BIAS;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DIFF_DST;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DIFF_SRC;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DIFF_WEIGHTS;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DST;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_FROM;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_SRC;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_TO;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_WEIGHTS;
import static org.bytedeco.dnnl.global.dnnl.dnnl_a;
import static org.bytedeco.dnnl.global.dnnl.dnnl_convolution_backward_data_desc_init;
import static org.bytedeco.dnnl.global.dnnl.dnnl_convolution_backward_weights_desc_init;
import static org.bytedeco.dnnl.global.dnnl.dnnl_convolution_direct;
import static org.bytedeco.dnnl.global.dnnl.dnnl_convolution_forward_desc_init;
import static org.bytedeco.dnnl.global.dnnl.dnnl_cpu;
import static org.bytedeco.dnnl.global.dnnl.dnnl_engine_create;
import static org.bytedeco.dnnl.global.dnnl.dnnl_f32;
import static org.bytedeco.dnnl.global.dnnl.dnnl_format_tag_any;
import static org.bytedeco.dnnl.global.dnnl.dnnl_forward_training;
import static org.bytedeco.dnnl.global.dnnl.dnnl_memory_create;
import static org.bytedeco.dnnl.global.dnnl.dnnl_memory_desc_equal;
import static org.bytedeco.dnnl.global.dnnl.dnnl_memory_desc_init_by_tag;
import static org.bytedeco.dnnl.global.dnnl.dnnl_memory_destroy;
import static org.bytedeco.dnnl.global.dnnl.dnnl_memory_set_data_handle;
import static org.bytedeco.dnnl.global.dnnl.dnnl_nhwc;
import static org.bytedeco.dnnl.global.dnnl.dnnl_oihw;
import static org.bytedeco.dnnl.global.dnnl.dnnl_primitive_create;
import static org.bytedeco.dnnl.global.dnnl.dnnl_primitive_desc_create;
import static org.bytedeco.dnnl.global.dnnl.dnnl_primitive_desc_destroy;
import static org.bytedeco.dnnl.global.dnnl.dnnl_primitive_desc_query_md;
import static org.bytedeco.dnnl.global.dnnl.dnnl_primitive_destroy;
import static org.bytedeco.dnnl.global.dnnl.dnnl_primitive_execute;
import static org.bytedeco.dnnl.global.dnnl.dnnl_query_diff_weights_md;
import static org.bytedeco.dnnl.global.dnnl.dnnl_query_weights_md;
import static org.bytedeco.dnnl.global.dnnl.dnnl_reorder_primitive_desc_create;
import static org.bytedeco.dnnl.global.dnnl.dnnl_stream_create;
import static org.bytedeco.dnnl.global.dnnl.dnnl_stream_default_flags;
import static org.bytedeco.dnnl.global.dnnl.dnnl_success;
import static org.bytedeco.dnnl.global.dnnl.dnnl_version;

import java.lang.ref.Cleaner;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bytedeco.dnnl.const_dnnl_op_desc_t;
import org.bytedeco.dnnl.dnnl_convolution_desc_t;
import org.bytedeco.dnnl.dnnl_engine;
import org.bytedeco.dnnl.dnnl_exec_arg_t;
import org.bytedeco.dnnl.dnnl_memory;
import org.bytedeco.dnnl.dnnl_memory_desc_t;
import org.bytedeco.dnnl.dnnl_primitive;
import org.bytedeco.dnnl.dnnl_primitive_desc;
import org.bytedeco.dnnl.dnnl_stream;
import org.bytedeco.dnnl.dnnl_version_t;
import org.bytedeco.javacpp.Pointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A float convolution of one layer computed by oneDNN itself (JavaCPP's {@code dnnl} preset, oneDNN 2.5), not
 * through libnd4j's {@code conv2d} and {@code conv2d_bp} (decision 0042). Its forward, backward-data and
 * backward-weights primitives are made once per input shape and kept (the three most recent shapes: training,
 * evaluation and a last partial batch), so a call is one primitive execution on the arrays' own memory, plus a
 * reorder of the weights where the primitive wants another layout. libnd4j made its oneDNN descriptors and
 * reordered every tensor at every call, and chose Winograd for the backward data of 3x3 convolutions, which pads
 * 8 channels to 16: measured on cifar-resnet-8's convolutions (batch 32, one thread) the forward took 30-43% and
 * the backward 37-51% less time this way.
 *
 * <p>Activations are NHWC ({@link ChannelsLast}), weights [out, in, kH, kW] (OIHW), the bias [out], as in {@link
 * Kernels}. Direct convolution only (no Winograd): its results equal libnd4j's forward to the bit and its gradients
 * to float rounding. Double networks (the gradient checks) and machines where the library does not load keep
 * libnd4j ({@link #available()} false, or {@link #forward} returning null for a shape it cannot make).
 *
 * <p>Not thread-safe: one thread at a time drives a layer, and each thread gets primitives of its own. Native
 * objects are released when the layer is no longer reachable (a {@link Cleaner}) or when a fourth shape (or thread)
 * pushes out the oldest.
 */
final class OneDnnConvolution {
    /** Set to {@code false} to run every convolution through libnd4j (benchmarks comparing the two). */
    static final String PROPERTY = "resnetexplorer.onednn";
    private static final int KEPT_SHAPES = 3;
    private static final Cleaner CLEANER = Cleaner.create();
    private static final dnnl_engine ENGINE = engine();
    private static final ThreadLocal<dnnl_stream> STREAM = ThreadLocal.withInitial(OneDnnConvolution::stream);

    private final int stride;
    private final int padding;
    private final boolean bias;
    private final Shapes shapes;

    private OneDnnConvolution(int stride, int padding, boolean bias) {
        this.stride = stride;
        this.padding = padding;
        this.bias = bias;
        this.shapes = new Shapes();
        CLEANER.register(this, shapes::release);
    }

    /** A convolution run by oneDNN, or null where the library is not there (then libnd4j runs it). */
    static OneDnnConvolution create(int stride, int padding, boolean bias) {
        return available() ? new OneDnnConvolution(stride, padding, bias) : null;
    }

    /** Whether oneDNN loaded here and is not switched off ({@link #PROPERTY}). */
    static boolean available() {
        return ENGINE != null && !"false".equalsIgnoreCase(System.getProperty(PROPERTY, "true"));
    }

    /** "oneDNN 2.5.2" where the float convolutions run through it, else what runs them: what run.json records. */
    static String version() {
        if (!available()) {
            return "libnd4j (oneDNN " + (ENGINE == null ? "did not load" : "switched off") + ")";
        }
        dnnl_version_t v = dnnl_version();
        return "oneDNN " + v.major() + "." + v.minor() + "." + v.patch();
    }

    private static dnnl_engine engine() {
        try {
            dnnl_engine engine = new dnnl_engine();
            return dnnl_engine_create(engine, dnnl_cpu, 0) == dnnl_success ? engine : null;
        } catch (LinkageError e) { // no binary for this platform, or it did not load: libnd4j runs the convolutions
            return null;
        }
    }

    private static dnnl_stream stream() {
        dnnl_stream stream = new dnnl_stream();
        check(dnnl_stream_create(stream, ENGINE, dnnl_stream_default_flags), "stream");
        return stream;
    }

    /**
     * y = conv(x, w) + b for an NHWC float batch, as a new NHWC array in the current workspace; null if oneDNN
     * cannot make this convolution (the caller then asks libnd4j).
     */
    INDArray forward(INDArray x, INDArray w, INDArray b) {
        Primitives p = shapes.of(x, w, this);
        if (p == null) {
            return null;
        }
        INDArray y = Nd4j.createUninitialized(DataType.FLOAT, x.size(0), p.outHeight, p.outWidth, w.size(0));
        p.forward(x, w, b, y);
        return y;
    }

    /**
     * Writes dL/dw (and dL/db) into {@code gw} ({@code gb}) and returns dL/dx (a new NHWC array in the current
     * workspace), or null without computing it when {@code inputGradient} is false. Call after {@link #forward}
     * returned an output for this x.
     */
    INDArray backward(INDArray x, INDArray w, INDArray gradOut, boolean inputGradient, INDArray gw, INDArray gb) {
        Primitives p = shapes.of(x, w, this);
        if (p == null) { // its forward ran here, so only a backward on another thread than its forward comes here
            throw new IllegalStateException("oneDNN cannot make the backward of a convolution whose forward it ran");
        }
        p.backwardWeights(x, gradOut, gw, gb);
        if (!inputGradient) {
            return null;
        }
        INDArray gx = Nd4j.createUninitialized(DataType.FLOAT, x.shape());
        p.backwardData(w, gradOut, gx);
        return gx;
    }

    /** How many sets of primitives the layer keeps (one per shape and thread met last, at most three). */
    int kept() {
        return shapes.kept.size();
    }

    private static void check(int status, String what) {
        if (status != dnnl_success) {
            throw new IllegalStateException("oneDNN " + what + " failed (status " + status + ")");
        }
    }

    /** The address of an array's first value (a plain row-major float array, views of a flat buffer included). */
    private static long address(INDArray a) {
        Pointer p = a.data().addressPointer();
        return p.address() + p.position() * p.sizeof();
    }

    /**
     * The primitives of the shapes met last, most recent last; released when pushed out or with the layer. Each is
     * made for the thread that calls: oneDNN (built without concurrent execution, as this preset is) shares one
     * scratchpad among the primitives a thread made, so a primitive must run on the thread that made it. A layer
     * used by another thread later (a trained network measured elsewhere) gets its own.
     */
    private static final class Shapes {
        private final Map<Key, Primitives> kept = new LinkedHashMap<>(4, 0.75f, true);
        /** The last call's shape and thread, and its primitives: the common case, checked without making a key. */
        private Key lastKey;
        private Primitives last;

        Primitives of(INDArray x, INDArray w, OneDnnConvolution conv) {
            if (lastKey != null && lastKey.matches(Thread.currentThread(), x, w)) {
                return last;
            }
            Key key = new Key(Thread.currentThread(), x.size(0), x.size(1), x.size(2), x.size(3), w.size(0), w.size(2),
                    w.size(3));
            Primitives p = kept.get(key);
            if (p == null && !kept.containsKey(key)) {
                p = Primitives.make(x, w, conv.stride, conv.padding, conv.bias);
                kept.put(key, p);
                if (kept.size() > KEPT_SHAPES) {
                    var eldest = kept.entrySet().iterator();
                    Primitives old = eldest.next().getValue();
                    eldest.remove();
                    if (old != null) {
                        old.release();
                    }
                }
            }
            lastKey = key;
            last = p;
            return p;
        }

        synchronized void release() {
            kept.values().stream().filter(p -> p != null).forEach(Primitives::release);
            kept.clear();
            lastKey = null;
            last = null;
        }
    }

    /** A thread and a convolution's shapes: input [n, height, width, channels], weights [out, in, kh, kw]. */
    private record Key(Thread thread, long n, long height, long width, long channels, long out, long kh, long kw) {
        boolean matches(Thread current, INDArray x, INDArray w) {
            return thread == current && n == x.size(0) && height == x.size(1) && width == x.size(2)
                    && channels == x.size(3) && out == w.size(0) && kh == w.size(2) && kw == w.size(3);
        }
    }

    /** A memory object whose data is set at each call (an array's address, or memory oneDNN owns). */
    private static final class Handle extends Pointer {
        Handle(long address) {
            super((Pointer) null);
            this.address = address;
        }

        Handle at(long newAddress) {
            this.address = newAddress;
            return this;
        }
    }

    /** Everything one shape needs: descriptors, primitives, memories and the arguments of each execution. */
    private static final class Primitives {
        /** oneDNN's marker for "allocate this memory yourself" ((void *) -1). */
        private static final long ALLOCATE = -1;
        private final List<dnnl_primitive_desc> descriptors = new ArrayList<>();
        private final List<dnnl_primitive> primitives = new ArrayList<>();
        private final List<dnnl_memory> memories = new ArrayList<>();
        private final Handle handle = new Handle(0);
        final long outHeight;
        final long outWidth;
        private dnnl_memory src;
        private dnnl_memory dst;
        private dnnl_memory biasMemory;
        private dnnl_memory userWeights;
        private dnnl_memory userDiffWeights;
        private dnnl_memory diffBias;
        private dnnl_memory diffSrc;
        private dnnl_memory diffDst;
        private Step forwardWeights;
        private Step dataWeights;
        private Step diffWeightsOut;
        private Step forward;
        private Step backwardData;
        private Step backwardWeights;

        private Primitives(long outHeight, long outWidth) {
            this.outHeight = outHeight;
            this.outWidth = outWidth;
        }

        /** The primitives of this shape, or null if oneDNN cannot make them. */
        static Primitives make(INDArray x, INDArray w, int stride, int padding, boolean bias) {
            long n = x.size(0);
            long height = x.size(1);
            long width = x.size(2);
            long in = x.size(3);
            long out = w.size(0);
            long kh = w.size(2);
            long kw = w.size(3);
            Primitives p = new Primitives((height + 2L * padding - kh) / stride + 1, (width + 2L * padding - kw) / stride + 1);
            try {
                p.build(new long[] {n, in, height, width}, new long[] {out, in, kh, kw}, out, stride, padding, bias);
                return p;
            } catch (IllegalStateException e) {
                p.release();
                return null;
            }
        }

        private void build(long[] srcDims, long[] weightDims, long out, int stride, int padding, boolean bias) {
            dnnl_memory_desc_t srcMd = md(srcDims, dnnl_nhwc);
            dnnl_memory_desc_t dstMd = md(new long[] {srcDims[0], out, outHeight, outWidth}, dnnl_nhwc);
            dnnl_memory_desc_t userWeightsMd = md(weightDims, dnnl_oihw);
            dnnl_memory_desc_t anyWeightsMd = md(weightDims, dnnl_format_tag_any);
            dnnl_memory_desc_t biasMd = bias ? md(new long[] {out}, dnnl_a) : null;
            long[] strides = {stride, stride};
            long[] pads = {padding, padding};

            dnnl_convolution_desc_t forwardDesc = new dnnl_convolution_desc_t();
            check(dnnl_convolution_forward_desc_init(forwardDesc, dnnl_forward_training, dnnl_convolution_direct, srcMd,
                    anyWeightsMd, biasMd, dstMd, strides, pads, pads), "forward descriptor");
            dnnl_primitive_desc forwardPd = descriptor(forwardDesc, null);
            dnnl_convolution_desc_t dataDesc = new dnnl_convolution_desc_t();
            check(dnnl_convolution_backward_data_desc_init(dataDesc, dnnl_convolution_direct, srcMd, anyWeightsMd, dstMd,
                    strides, pads, pads), "backward data descriptor");
            dnnl_primitive_desc dataPd = descriptor(dataDesc, forwardPd);
            dnnl_convolution_desc_t weightsDesc = new dnnl_convolution_desc_t();
            check(dnnl_convolution_backward_weights_desc_init(weightsDesc, dnnl_convolution_direct, srcMd, anyWeightsMd,
                    biasMd, dstMd, strides, pads, pads), "backward weights descriptor");
            dnnl_primitive_desc weightsPd = descriptor(weightsDesc, forwardPd);

            src = memory(srcMd, 0);
            dst = memory(dstMd, 0);
            diffSrc = memory(srcMd, 0);
            diffDst = memory(dstMd, 0);
            userWeights = memory(userWeightsMd, 0);
            userDiffWeights = memory(userWeightsMd, 0);
            if (bias) {
                biasMemory = memory(biasMd, 0);
                diffBias = memory(biasMd, 0);
            }
            // the weights in each primitive's own layout: the user's array itself where the layouts agree
            dnnl_memory_desc_t forwardWeightsMd = dnnl_primitive_desc_query_md(forwardPd, dnnl_query_weights_md, 0);
            dnnl_memory forwardW = userWeights;
            if (dnnl_memory_desc_equal(forwardWeightsMd, userWeightsMd) == 0) {
                forwardW = memory(forwardWeightsMd, ALLOCATE);
                forwardWeights = reorder(userWeightsMd, forwardWeightsMd, userWeights, forwardW);
            }
            dnnl_memory_desc_t dataWeightsMd = dnnl_primitive_desc_query_md(dataPd, dnnl_query_weights_md, 0);
            dnnl_memory dataW = userWeights;
            if (dnnl_memory_desc_equal(dataWeightsMd, userWeightsMd) == 0) {
                dataW = memory(dataWeightsMd, ALLOCATE);
                dataWeights = reorder(userWeightsMd, dataWeightsMd, userWeights, dataW);
            }
            dnnl_memory_desc_t diffWeightsMd = dnnl_primitive_desc_query_md(weightsPd, dnnl_query_diff_weights_md, 0);
            dnnl_memory diffW = userDiffWeights;
            if (dnnl_memory_desc_equal(diffWeightsMd, userWeightsMd) == 0) {
                diffW = memory(diffWeightsMd, ALLOCATE);
                diffWeightsOut = reorder(diffWeightsMd, userWeightsMd, diffW, userDiffWeights);
            }

            forward = bias
                    ? new Step(primitive(forwardPd), new int[] {DNNL_ARG_SRC, DNNL_ARG_WEIGHTS, DNNL_ARG_BIAS, DNNL_ARG_DST},
                            src, forwardW, biasMemory, dst)
                    : new Step(primitive(forwardPd), new int[] {DNNL_ARG_SRC, DNNL_ARG_WEIGHTS, DNNL_ARG_DST}, src, forwardW,
                            dst);
            backwardData = new Step(primitive(dataPd), new int[] {DNNL_ARG_DIFF_DST, DNNL_ARG_WEIGHTS, DNNL_ARG_DIFF_SRC},
                    diffDst, dataW, diffSrc);
            backwardWeights = bias
                    ? new Step(primitive(weightsPd), new int[] {DNNL_ARG_SRC, DNNL_ARG_DIFF_DST, DNNL_ARG_DIFF_WEIGHTS,
                        DNNL_ARG_DIFF_BIAS}, src, diffDst, diffW, diffBias)
                    : new Step(primitive(weightsPd), new int[] {DNNL_ARG_SRC, DNNL_ARG_DIFF_DST, DNNL_ARG_DIFF_WEIGHTS},
                            src, diffDst, diffW);
        }

        void forward(INDArray x, INDArray w, INDArray b, INDArray y) {
            set(src, x);
            set(userWeights, w);
            set(dst, y);
            if (biasMemory != null) {
                set(biasMemory, b);
            }
            if (forwardWeights != null) {
                forwardWeights.run();
            }
            forward.run();
        }

        void backwardWeights(INDArray x, INDArray gradOut, INDArray gw, INDArray gb) {
            set(src, x);
            set(diffDst, gradOut);
            set(userDiffWeights, gw);
            if (diffBias != null) {
                set(diffBias, gb);
            }
            backwardWeights.run();
            if (diffWeightsOut != null) {
                diffWeightsOut.run();
            }
        }

        void backwardData(INDArray w, INDArray gradOut, INDArray gx) {
            set(userWeights, w);
            set(diffDst, gradOut);
            set(diffSrc, gx);
            if (dataWeights != null) {
                dataWeights.run();
            }
            backwardData.run();
        }

        private void set(dnnl_memory memory, INDArray array) {
            check(dnnl_memory_set_data_handle(memory, handle.at(address(array))), "memory handle");
        }

        private static dnnl_memory_desc_t md(long[] dims, int tag) {
            dnnl_memory_desc_t md = new dnnl_memory_desc_t();
            check(dnnl_memory_desc_init_by_tag(md, dims.length, dims, dnnl_f32, tag), "memory descriptor");
            return md;
        }

        private dnnl_primitive_desc descriptor(dnnl_convolution_desc_t desc, dnnl_primitive_desc hint) {
            dnnl_primitive_desc pd = new dnnl_primitive_desc();
            check(dnnl_primitive_desc_create(pd, new const_dnnl_op_desc_t(desc), null, ENGINE, hint), "primitive descriptor");
            descriptors.add(pd);
            return pd;
        }

        private dnnl_primitive primitive(dnnl_primitive_desc pd) {
            dnnl_primitive primitive = new dnnl_primitive();
            check(dnnl_primitive_create(primitive, pd), "primitive");
            primitives.add(primitive);
            return primitive;
        }

        private dnnl_memory memory(dnnl_memory_desc_t md, long address) {
            dnnl_memory memory = new dnnl_memory();
            check(dnnl_memory_create(memory, md, ENGINE, new Handle(address)), "memory");
            memories.add(memory);
            return memory;
        }

        private Step reorder(dnnl_memory_desc_t from, dnnl_memory_desc_t to, dnnl_memory fromMemory, dnnl_memory toMemory) {
            dnnl_primitive_desc pd = new dnnl_primitive_desc();
            check(dnnl_reorder_primitive_desc_create(pd, from, ENGINE, to, ENGINE, null), "reorder descriptor");
            descriptors.add(pd);
            return new Step(primitive(pd), new int[] {DNNL_ARG_FROM, DNNL_ARG_TO}, fromMemory, toMemory);
        }

        void release() {
            primitives.forEach(p -> dnnl_primitive_destroy(p));
            memories.forEach(m -> dnnl_memory_destroy(m));
            descriptors.forEach(d -> dnnl_primitive_desc_destroy(d));
            primitives.clear();
            memories.clear();
            descriptors.clear();
        }
    }

    /** One primitive with its arguments, made once. */
    private static final class Step {
        private final dnnl_primitive primitive;
        private final dnnl_exec_arg_t args;
        private final int count;

        Step(dnnl_primitive primitive, int[] ids, dnnl_memory... memories) {
            this.primitive = primitive;
            this.count = ids.length;
            this.args = new dnnl_exec_arg_t(ids.length);
            for (int i = 0; i < ids.length; i++) {
                args.position(i).arg(ids[i]).memory(memories[i]);
            }
            args.position(0);
        }

        void run() {
            check(dnnl_primitive_execute(primitive, STREAM.get(), count, args), "execution");
        }
    }
}
