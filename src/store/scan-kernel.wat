;; The inner loop of ScanVectorIndex (scan-vector-index.ts), in WebAssembly
;; for its 128-bit SIMD: JavaScript has no vector instructions, and the same
;; loop in JavaScript was about 7× slower. Compiled into scan-kernel-wasm.ts by
;; `node bin/build-scan-kernel.js`; test/store/scan-kernel.test.ts checks the
;; two agree.
;;
;; Memory holds blocks of 4,096 vectors coded as one signed byte per
;; dimension, laid out dimension by dimension: dimension d of a block's
;; vectors is one row of 4,096 bytes, a 4 KB page. A question reads only the
;; rows of its own dimensions.
;;
;; Why this shape, measured on 100,000 random vectors and 78 dimensions a
;; question (a local question has 20–90), with the caches emptied before each
;; question as retrieval's other work empties them:
;; - rows of 256 bytes took 3.3 ms a question: each row was on another page,
;;   and the misses were the TLB's. Rows of 4 KB: 1.4–1.9 ms;
;; - summing 32 vectors at a time over every row, in registers, read 78 rows
;;   at once, which the prefetcher does not follow; eight rows at a time, the
;;   running sums in memory (16 KB a block, in L1), took 1.05 ms (0.9 ms with
;;   warm caches, as before). Two or four rows at a time: 1.46 and 1.16 ms.
(module
  ;; Shared, so that a second thread can scan part of the same blocks (scan-helper.ts).
  (import "env" "memory" (memory 1 65536 shared))

  ;; For each of `blocks` blocks starting at byte `codes` (`blockBytes` apart),
  ;; writes to `scores` (an i32 a vector, in slot order) the sum over q <
  ;; `count` of code[block][dims[q] + j] × weights[q]. `dims` holds byte
  ;; offsets of rows in a block, `weights` 16-bit integers held in i32s;
  ;; `count` is a multiple of 8 (pad with weight 0). The caller keeps the sums
  ;; within an i32 (|weight| × 127 × count < 2^31).
  (func (export "scan")
    (param $codes i32) (param $blocks i32) (param $blockBytes i32)
    (param $dims i32) (param $weights i32) (param $count i32) (param $scores i32)
    (local $b i32) (local $entry i32) (local $entriesEnd i32) (local $base i32) (local $j i32)
    (local $sum i32) (local $out i32) (local $end i32)
    (local $p0 i32) (local $p1 i32) (local $p2 i32) (local $p3 i32) (local $p4 i32) (local $p5 i32) (local $p6 i32) (local $p7 i32)
    (local $w0 v128) (local $w1 v128) (local $w2 v128) (local $w3 v128) (local $w4 v128) (local $w5 v128) (local $w6 v128) (local $w7 v128)
    (local $v v128) (local $x v128) (local $s0 v128) (local $s1 v128) (local $s2 v128) (local $s3 v128)
    (local.set $out (local.get $scores))
    (local.set $entriesEnd (i32.add (local.get $dims) (i32.shl (local.get $count) (i32.const 2))))
    (block $blocksDone (loop $blocksLoop
      (br_if $blocksDone (i32.ge_u (local.get $b) (local.get $blocks)))
      (local.set $base (i32.add (local.get $codes) (i32.mul (local.get $b) (local.get $blockBytes))))
      ;; this block's 4,096 running sums start at zero
      (local.set $sum (local.get $out))
      (local.set $end (i32.add (local.get $out) (i32.const 16384)))
      (block $zeroDone (loop $zeroLoop
        (br_if $zeroDone (i32.ge_u (local.get $sum) (local.get $end)))
        (v128.store (local.get $sum) (v128.const i32x4 0 0 0 0))
        (local.set $sum (i32.add (local.get $sum) (i32.const 16)))
        (br $zeroLoop)))
      ;; eight of the question's rows at a time
      (local.set $entry (local.get $dims))
      (block $rowsDone (loop $rowsLoop
        (br_if $rowsDone (i32.ge_u (local.get $entry) (local.get $entriesEnd)))
        (local.set $p0 (i32.add (local.get $base) (i32.load offset=0 (local.get $entry))))
        (local.set $w0 (i16x8.splat (i32.load offset=0 (i32.add (local.get $entry) (i32.sub (local.get $weights) (local.get $dims))))))
        (local.set $p1 (i32.add (local.get $base) (i32.load offset=4 (local.get $entry))))
        (local.set $w1 (i16x8.splat (i32.load offset=4 (i32.add (local.get $entry) (i32.sub (local.get $weights) (local.get $dims))))))
        (local.set $p2 (i32.add (local.get $base) (i32.load offset=8 (local.get $entry))))
        (local.set $w2 (i16x8.splat (i32.load offset=8 (i32.add (local.get $entry) (i32.sub (local.get $weights) (local.get $dims))))))
        (local.set $p3 (i32.add (local.get $base) (i32.load offset=12 (local.get $entry))))
        (local.set $w3 (i16x8.splat (i32.load offset=12 (i32.add (local.get $entry) (i32.sub (local.get $weights) (local.get $dims))))))
        (local.set $p4 (i32.add (local.get $base) (i32.load offset=16 (local.get $entry))))
        (local.set $w4 (i16x8.splat (i32.load offset=16 (i32.add (local.get $entry) (i32.sub (local.get $weights) (local.get $dims))))))
        (local.set $p5 (i32.add (local.get $base) (i32.load offset=20 (local.get $entry))))
        (local.set $w5 (i16x8.splat (i32.load offset=20 (i32.add (local.get $entry) (i32.sub (local.get $weights) (local.get $dims))))))
        (local.set $p6 (i32.add (local.get $base) (i32.load offset=24 (local.get $entry))))
        (local.set $w6 (i16x8.splat (i32.load offset=24 (i32.add (local.get $entry) (i32.sub (local.get $weights) (local.get $dims))))))
        (local.set $p7 (i32.add (local.get $base) (i32.load offset=28 (local.get $entry))))
        (local.set $w7 (i16x8.splat (i32.load offset=28 (i32.add (local.get $entry) (i32.sub (local.get $weights) (local.get $dims))))))
        (local.set $sum (local.get $out))
        (local.set $j (i32.const 0))
        (block $vectorsDone (loop $vectorsLoop
          (br_if $vectorsDone (i32.ge_u (local.get $j) (i32.const 4096)))
          ;; row 0: 16 codes, widened to 16 bits, times its weight, summed in 32 bits
          (local.set $v (v128.load (i32.add (local.get $j) (local.get $p0))))
          (local.set $x (i16x8.extend_low_i8x16_s (local.get $v)))
          (local.set $s0 (i32x4.extmul_low_i16x8_s (local.get $x) (local.get $w0)))
          (local.set $s1 (i32x4.extmul_high_i16x8_s (local.get $x) (local.get $w0)))
          (local.set $x (i16x8.extend_high_i8x16_s (local.get $v)))
          (local.set $s2 (i32x4.extmul_low_i16x8_s (local.get $x) (local.get $w0)))
          (local.set $s3 (i32x4.extmul_high_i16x8_s (local.get $x) (local.get $w0)))
          ;; row 1: 16 codes, widened to 16 bits, times its weight, summed in 32 bits
          (local.set $v (v128.load (i32.add (local.get $j) (local.get $p1))))
          (local.set $x (i16x8.extend_low_i8x16_s (local.get $v)))
          (local.set $s0 (i32x4.add (local.get $s0) (i32x4.extmul_low_i16x8_s (local.get $x) (local.get $w1))))
          (local.set $s1 (i32x4.add (local.get $s1) (i32x4.extmul_high_i16x8_s (local.get $x) (local.get $w1))))
          (local.set $x (i16x8.extend_high_i8x16_s (local.get $v)))
          (local.set $s2 (i32x4.add (local.get $s2) (i32x4.extmul_low_i16x8_s (local.get $x) (local.get $w1))))
          (local.set $s3 (i32x4.add (local.get $s3) (i32x4.extmul_high_i16x8_s (local.get $x) (local.get $w1))))
          ;; row 2: 16 codes, widened to 16 bits, times its weight, summed in 32 bits
          (local.set $v (v128.load (i32.add (local.get $j) (local.get $p2))))
          (local.set $x (i16x8.extend_low_i8x16_s (local.get $v)))
          (local.set $s0 (i32x4.add (local.get $s0) (i32x4.extmul_low_i16x8_s (local.get $x) (local.get $w2))))
          (local.set $s1 (i32x4.add (local.get $s1) (i32x4.extmul_high_i16x8_s (local.get $x) (local.get $w2))))
          (local.set $x (i16x8.extend_high_i8x16_s (local.get $v)))
          (local.set $s2 (i32x4.add (local.get $s2) (i32x4.extmul_low_i16x8_s (local.get $x) (local.get $w2))))
          (local.set $s3 (i32x4.add (local.get $s3) (i32x4.extmul_high_i16x8_s (local.get $x) (local.get $w2))))
          ;; row 3: 16 codes, widened to 16 bits, times its weight, summed in 32 bits
          (local.set $v (v128.load (i32.add (local.get $j) (local.get $p3))))
          (local.set $x (i16x8.extend_low_i8x16_s (local.get $v)))
          (local.set $s0 (i32x4.add (local.get $s0) (i32x4.extmul_low_i16x8_s (local.get $x) (local.get $w3))))
          (local.set $s1 (i32x4.add (local.get $s1) (i32x4.extmul_high_i16x8_s (local.get $x) (local.get $w3))))
          (local.set $x (i16x8.extend_high_i8x16_s (local.get $v)))
          (local.set $s2 (i32x4.add (local.get $s2) (i32x4.extmul_low_i16x8_s (local.get $x) (local.get $w3))))
          (local.set $s3 (i32x4.add (local.get $s3) (i32x4.extmul_high_i16x8_s (local.get $x) (local.get $w3))))
          ;; row 4: 16 codes, widened to 16 bits, times its weight, summed in 32 bits
          (local.set $v (v128.load (i32.add (local.get $j) (local.get $p4))))
          (local.set $x (i16x8.extend_low_i8x16_s (local.get $v)))
          (local.set $s0 (i32x4.add (local.get $s0) (i32x4.extmul_low_i16x8_s (local.get $x) (local.get $w4))))
          (local.set $s1 (i32x4.add (local.get $s1) (i32x4.extmul_high_i16x8_s (local.get $x) (local.get $w4))))
          (local.set $x (i16x8.extend_high_i8x16_s (local.get $v)))
          (local.set $s2 (i32x4.add (local.get $s2) (i32x4.extmul_low_i16x8_s (local.get $x) (local.get $w4))))
          (local.set $s3 (i32x4.add (local.get $s3) (i32x4.extmul_high_i16x8_s (local.get $x) (local.get $w4))))
          ;; row 5: 16 codes, widened to 16 bits, times its weight, summed in 32 bits
          (local.set $v (v128.load (i32.add (local.get $j) (local.get $p5))))
          (local.set $x (i16x8.extend_low_i8x16_s (local.get $v)))
          (local.set $s0 (i32x4.add (local.get $s0) (i32x4.extmul_low_i16x8_s (local.get $x) (local.get $w5))))
          (local.set $s1 (i32x4.add (local.get $s1) (i32x4.extmul_high_i16x8_s (local.get $x) (local.get $w5))))
          (local.set $x (i16x8.extend_high_i8x16_s (local.get $v)))
          (local.set $s2 (i32x4.add (local.get $s2) (i32x4.extmul_low_i16x8_s (local.get $x) (local.get $w5))))
          (local.set $s3 (i32x4.add (local.get $s3) (i32x4.extmul_high_i16x8_s (local.get $x) (local.get $w5))))
          ;; row 6: 16 codes, widened to 16 bits, times its weight, summed in 32 bits
          (local.set $v (v128.load (i32.add (local.get $j) (local.get $p6))))
          (local.set $x (i16x8.extend_low_i8x16_s (local.get $v)))
          (local.set $s0 (i32x4.add (local.get $s0) (i32x4.extmul_low_i16x8_s (local.get $x) (local.get $w6))))
          (local.set $s1 (i32x4.add (local.get $s1) (i32x4.extmul_high_i16x8_s (local.get $x) (local.get $w6))))
          (local.set $x (i16x8.extend_high_i8x16_s (local.get $v)))
          (local.set $s2 (i32x4.add (local.get $s2) (i32x4.extmul_low_i16x8_s (local.get $x) (local.get $w6))))
          (local.set $s3 (i32x4.add (local.get $s3) (i32x4.extmul_high_i16x8_s (local.get $x) (local.get $w6))))
          ;; row 7: 16 codes, widened to 16 bits, times its weight, summed in 32 bits
          (local.set $v (v128.load (i32.add (local.get $j) (local.get $p7))))
          (local.set $x (i16x8.extend_low_i8x16_s (local.get $v)))
          (local.set $s0 (i32x4.add (local.get $s0) (i32x4.extmul_low_i16x8_s (local.get $x) (local.get $w7))))
          (local.set $s1 (i32x4.add (local.get $s1) (i32x4.extmul_high_i16x8_s (local.get $x) (local.get $w7))))
          (local.set $x (i16x8.extend_high_i8x16_s (local.get $v)))
          (local.set $s2 (i32x4.add (local.get $s2) (i32x4.extmul_low_i16x8_s (local.get $x) (local.get $w7))))
          (local.set $s3 (i32x4.add (local.get $s3) (i32x4.extmul_high_i16x8_s (local.get $x) (local.get $w7))))
          ;; the eight rows' sums into the 16 vectors' running sums
          (v128.store offset=0 (local.get $sum) (i32x4.add (v128.load offset=0 (local.get $sum)) (local.get $s0)))
          (v128.store offset=16 (local.get $sum) (i32x4.add (v128.load offset=16 (local.get $sum)) (local.get $s1)))
          (v128.store offset=32 (local.get $sum) (i32x4.add (v128.load offset=32 (local.get $sum)) (local.get $s2)))
          (v128.store offset=48 (local.get $sum) (i32x4.add (v128.load offset=48 (local.get $sum)) (local.get $s3)))
          (local.set $j (i32.add (local.get $j) (i32.const 16)))
          (local.set $sum (i32.add (local.get $sum) (i32.const 64)))
          (br $vectorsLoop)))
        (local.set $entry (i32.add (local.get $entry) (i32.const 32)))
        (br $rowsLoop)))
      (local.set $out (i32.add (local.get $out) (i32.const 16384)))
      (local.set $b (i32.add (local.get $b) (i32.const 1)))
      (br $blocksLoop))))

  ;; Writes to `out` (as i32s) each j < `count` (a multiple of 4) whose
  ;; sums[j] × scales[j] is above `threshold`, and returns how many: the few a
  ;; block holds that can still enter the top k, so that JavaScript need not
  ;; look at the other 4,000 (0.35 ms a question at 100,000 vectors). A NaN
  ;; scale, a removed vector's, is never above it.
  (func (export "select")
    (param $sums i32) (param $scales i32) (param $count i32) (param $threshold f32) (param $out i32)
    (result i32)
    (local $j i32) (local $n i32) (local $mask i32) (local $lane i32) (local $floor v128)
    (local.set $floor (f32x4.splat (local.get $threshold)))
    (block $done (loop $next
      (br_if $done (i32.ge_u (local.get $j) (local.get $count)))
      (local.set $mask (i32x4.bitmask (f32x4.gt
        (f32x4.mul
          (f32x4.convert_i32x4_s (v128.load (i32.add (local.get $sums) (i32.shl (local.get $j) (i32.const 2)))))
          (v128.load (i32.add (local.get $scales) (i32.shl (local.get $j) (i32.const 2)))))
        (local.get $floor))))
      (local.set $lane (i32.const 0))
      (block $lanesDone (loop $lanes
        (br_if $lanesDone (i32.eqz (local.get $mask)))
        (if (i32.and (local.get $mask) (i32.const 1))
          (then
            (i32.store (i32.add (local.get $out) (i32.shl (local.get $n) (i32.const 2)))
              (i32.add (local.get $j) (local.get $lane)))
            (local.set $n (i32.add (local.get $n) (i32.const 1)))))
        (local.set $mask (i32.shr_u (local.get $mask) (i32.const 1)))
        (local.set $lane (i32.add (local.get $lane) (i32.const 1)))
        (br $lanes)))
      (local.set $j (i32.add (local.get $j) (i32.const 4)))
      (br $next)))
    (local.get $n))
)
