/*eslint-disable block-scoped-var, id-length, no-control-regex, no-magic-numbers, no-mixed-operators, no-prototype-builtins, no-redeclare, no-shadow, no-var, sort-vars, default-case, jsdoc/require-param*/
import $protobuf from "protobufjs/minimal.js";

const $Reader = $protobuf.Reader, $Writer = $protobuf.Writer, $util = $protobuf.util;
const $Object = $util.global.Object, $undefined = $util.global.undefined, $Error = $util.global.Error, $RangeError = $util.global.RangeError, $TypeError = $util.global.TypeError, $Number = $util.global.Number, $parseInt = $util.global.parseInt, $String = $util.global.String, $BigInt = $util.global.BigInt, $isFinite = $util.global.isFinite, $Array = $util.global.Array, $Boolean = $util.global.Boolean;

const $root = $protobuf.roots["default"] || ($protobuf.roots["default"] = {});

export const tensorboard = $root.tensorboard = (() => {

    const tensorboard = {};

    tensorboard.Event = (function() {

        const Event = function (p) {
            if (p)
                for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                    if (p[ks[i]] != null && ks[i] !== "__proto__")
                        this[ks[i]] = p[ks[i]];
        };

        Event.prototype.wallTime = 0;
        Event.prototype.step = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
        Event.prototype.fileVersion = null;
        Event.prototype.graphDef = null;
        Event.prototype.summary = null;
        Event.prototype.sessionLog = null;
        Event.prototype.taggedRunMetadata = null;
        Event.prototype.metaGraphDef = null;
        Event.prototype.sourceMetadata = null;

        let $oneOfFields;

        $Object.defineProperty(Event.prototype, "what", {
            get: $util.oneOfGetter($oneOfFields = ["fileVersion", "graphDef", "summary", "sessionLog", "taggedRunMetadata", "metaGraphDef"]),
            set: $util.oneOfSetter($oneOfFields)
        });

        Event.create = function(properties) {
            return new Event(properties);
        };

        Event.encode = function (m, w, q) {
            if (!w)
                w = $Writer.create();
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (m.wallTime != null && $Object.hasOwnProperty.call(m, "wallTime") && !$Object.is(m.wallTime, 0))
                w.uint32(9).double(m.wallTime);
            if (m.step != null && $Object.hasOwnProperty.call(m, "step") && (typeof m.step === "object" ? m.step.low || m.step.high : m.step !== 0))
                w.uint32(16).int64(m.step);
            if (m.fileVersion != null && $Object.hasOwnProperty.call(m, "fileVersion"))
                w.uint32(26).string(m.fileVersion);
            if (m.graphDef != null && $Object.hasOwnProperty.call(m, "graphDef"))
                w.uint32(34).bytes(m.graphDef);
            if (m.summary != null && $Object.hasOwnProperty.call(m, "summary"))
                $root.tensorboard.Summary.encode(m.summary, w.uint32(42).fork(), q + 1).ldelim();
            if (m.sessionLog != null && $Object.hasOwnProperty.call(m, "sessionLog"))
                $root.tensorboard.SessionLog.encode(m.sessionLog, w.uint32(58).fork(), q + 1).ldelim();
            if (m.taggedRunMetadata != null && $Object.hasOwnProperty.call(m, "taggedRunMetadata"))
                $root.tensorboard.TaggedRunMetadata.encode(m.taggedRunMetadata, w.uint32(66).fork(), q + 1).ldelim();
            if (m.metaGraphDef != null && $Object.hasOwnProperty.call(m, "metaGraphDef"))
                w.uint32(74).bytes(m.metaGraphDef);
            if (m.sourceMetadata != null && $Object.hasOwnProperty.call(m, "sourceMetadata"))
                $root.tensorboard.SourceMetadata.encode(m.sourceMetadata, w.uint32(82).fork(), q + 1).ldelim();
            if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                for (var i = 0; i < m.$unknowns.length; ++i)
                    w.raw(m.$unknowns[i]);
            return w;
        };

        Event.decode = function (r, l, z, q, g) {
            if (!(r instanceof $Reader))
                r = $Reader.create(r);
            if (q === $undefined)
                q = 0;
            if (q > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            var c, m, v;
            if (l === $undefined)
                c = r.len;
            else {
                c = r.pos + l;
                if (c > r.len)
                    throw $RangeError("index out of range");
                l = r.len;
                r.len = c;
            }
            m = g || new $root.tensorboard.Event();
            while (r.pos < c) {
                var s = r.pos;
                var t = r.tag();
                if (t === z) {
                    z = $undefined;
                    break;
                }
                var u = t & 7;
                switch (t >>>= 3) {
                case 1: {
                        if (u !== 1)
                            break;
                        if (!$Object.is(v = r.double(), 0))
                            m.wallTime = v;
                        else
                            delete m.wallTime;
                        continue;
                    }
                case 2: {
                        if (u !== 0)
                            break;
                        if (typeof (v = r.int64()) === "object" ? v.low || v.high : v !== 0)
                            m.step = v;
                        else
                            delete m.step;
                        continue;
                    }
                case 3: {
                        if (u !== 2)
                            break;
                        m.fileVersion = r.stringVerify();
                        m.what = "fileVersion";
                        continue;
                    }
                case 4: {
                        if (u !== 2)
                            break;
                        m.graphDef = r.bytes();
                        m.what = "graphDef";
                        continue;
                    }
                case 5: {
                        if (u !== 2)
                            break;
                        m.summary = $root.tensorboard.Summary.decode(r, r.size(), $undefined, q + 1, m.summary);
                        m.what = "summary";
                        continue;
                    }
                case 7: {
                        if (u !== 2)
                            break;
                        m.sessionLog = $root.tensorboard.SessionLog.decode(r, r.size(), $undefined, q + 1, m.sessionLog);
                        m.what = "sessionLog";
                        continue;
                    }
                case 8: {
                        if (u !== 2)
                            break;
                        m.taggedRunMetadata = $root.tensorboard.TaggedRunMetadata.decode(r, r.size(), $undefined, q + 1, m.taggedRunMetadata);
                        m.what = "taggedRunMetadata";
                        continue;
                    }
                case 9: {
                        if (u !== 2)
                            break;
                        m.metaGraphDef = r.bytes();
                        m.what = "metaGraphDef";
                        continue;
                    }
                case 10: {
                        if (u !== 2)
                            break;
                        m.sourceMetadata = $root.tensorboard.SourceMetadata.decode(r, r.size(), $undefined, q + 1, m.sourceMetadata);
                        continue;
                    }
                }
                r.skipType(u, q, t);
                if (!r.discardUnknown) {
                    $util.makeProp(m, "$unknowns", false);
                    (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                }
            }
            if (l !== $undefined) {
                if (r.pos !== c)
                    throw $RangeError("index out of range");
                r.len = l;
            }
            if (z !== $undefined)
                throw $Error("missing end group");
            return m;
        };

        Event.fromObject = function (d, q) {
            if (d instanceof $root.tensorboard.Event)
                return d;
            if (!$util.isObject(d))
                throw $TypeError(".tensorboard.Event: object expected");
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var m = new $root.tensorboard.Event();
            if (d.wallTime != null) {
                if (!$Object.is($Number(d.wallTime), 0)) {
                    m.wallTime = $Number(d.wallTime);
                }
            }
            if (d.step != null) {
                if (typeof d.step === "object" ? d.step.low || d.step.high : $Number(d.step) !== 0) {
                    if ($util.Long)
                        m.step = $util.Long.fromValue(d.step, false);
                    else if (typeof d.step === "string")
                        m.step = $parseInt(d.step, 10);
                    else if (typeof d.step === "number")
                        m.step = d.step;
                    else if (typeof d.step === "object")
                        m.step = new $util.LongBits(d.step.low >>> 0, d.step.high >>> 0).toNumber();
                }
            }
            if (d.fileVersion != null) {
                m.fileVersion = $String(d.fileVersion);
            }
            if (d.graphDef != null) {
                if (typeof d.graphDef === "string")
                    $util.base64.decode(d.graphDef, m.graphDef = $util.newBuffer($util.base64.length(d.graphDef)), 0);
                else if (d.graphDef.length >= 0)
                    m.graphDef = d.graphDef;
            }
            if (d.summary != null) {
                if (!$util.isObject(d.summary))
                    throw $TypeError(".tensorboard.Event.summary: object expected");
                m.summary = $root.tensorboard.Summary.fromObject(d.summary, q + 1);
            }
            if (d.sessionLog != null) {
                if (!$util.isObject(d.sessionLog))
                    throw $TypeError(".tensorboard.Event.sessionLog: object expected");
                m.sessionLog = $root.tensorboard.SessionLog.fromObject(d.sessionLog, q + 1);
            }
            if (d.taggedRunMetadata != null) {
                if (!$util.isObject(d.taggedRunMetadata))
                    throw $TypeError(".tensorboard.Event.taggedRunMetadata: object expected");
                m.taggedRunMetadata = $root.tensorboard.TaggedRunMetadata.fromObject(d.taggedRunMetadata, q + 1);
            }
            if (d.metaGraphDef != null) {
                if (typeof d.metaGraphDef === "string")
                    $util.base64.decode(d.metaGraphDef, m.metaGraphDef = $util.newBuffer($util.base64.length(d.metaGraphDef)), 0);
                else if (d.metaGraphDef.length >= 0)
                    m.metaGraphDef = d.metaGraphDef;
            }
            if (d.sourceMetadata != null) {
                if (!$util.isObject(d.sourceMetadata))
                    throw $TypeError(".tensorboard.Event.sourceMetadata: object expected");
                m.sourceMetadata = $root.tensorboard.SourceMetadata.fromObject(d.sourceMetadata, q + 1);
            }
            return m;
        };

        Event.toObject = function (m, o, q) {
            if (!o)
                o = {};
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var d = {};
            if (o.defaults) {
                d.wallTime = 0;
                if ($util.Long) {
                    var n = new $util.Long(0, 0, false);
                    d.step = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                } else
                    d.step = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                d.sourceMetadata = null;
            }
            if (m.wallTime != null && $Object.hasOwnProperty.call(m, "wallTime")) {
                d.wallTime = o.json && !$isFinite(m.wallTime) ? $String(m.wallTime) : m.wallTime;
            }
            if (m.step != null && $Object.hasOwnProperty.call(m, "step")) {
                if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                    d.step = typeof m.step === "number" ? $BigInt(m.step) : $util.Long.fromBits(m.step.low >>> 0, m.step.high >>> 0, false).toBigInt();
                else if (typeof m.step === "number")
                    d.step = o.longs === $String ? $String(m.step) : m.step;
                else
                    d.step = o.longs === $String ? $util.Long.prototype.toString.call(m.step) : o.longs === $Number ? new $util.LongBits(m.step.low >>> 0, m.step.high >>> 0).toNumber() : m.step;
            }
            if (m.fileVersion != null && $Object.hasOwnProperty.call(m, "fileVersion")) {
                d.fileVersion = m.fileVersion;
                if (o.oneofs)
                    d.what = "fileVersion";
            }
            if (m.graphDef != null && $Object.hasOwnProperty.call(m, "graphDef")) {
                d.graphDef = o.bytes === $String ? $util.base64.encode(m.graphDef, 0, m.graphDef.length) : o.bytes === $Array ? $Array.prototype.slice.call(m.graphDef) : m.graphDef;
                if (o.oneofs)
                    d.what = "graphDef";
            }
            if (m.summary != null && $Object.hasOwnProperty.call(m, "summary")) {
                d.summary = $root.tensorboard.Summary.toObject(m.summary, o, q + 1);
                if (o.oneofs)
                    d.what = "summary";
            }
            if (m.sessionLog != null && $Object.hasOwnProperty.call(m, "sessionLog")) {
                d.sessionLog = $root.tensorboard.SessionLog.toObject(m.sessionLog, o, q + 1);
                if (o.oneofs)
                    d.what = "sessionLog";
            }
            if (m.taggedRunMetadata != null && $Object.hasOwnProperty.call(m, "taggedRunMetadata")) {
                d.taggedRunMetadata = $root.tensorboard.TaggedRunMetadata.toObject(m.taggedRunMetadata, o, q + 1);
                if (o.oneofs)
                    d.what = "taggedRunMetadata";
            }
            if (m.metaGraphDef != null && $Object.hasOwnProperty.call(m, "metaGraphDef")) {
                d.metaGraphDef = o.bytes === $String ? $util.base64.encode(m.metaGraphDef, 0, m.metaGraphDef.length) : o.bytes === $Array ? $Array.prototype.slice.call(m.metaGraphDef) : m.metaGraphDef;
                if (o.oneofs)
                    d.what = "metaGraphDef";
            }
            if (m.sourceMetadata != null && $Object.hasOwnProperty.call(m, "sourceMetadata")) {
                d.sourceMetadata = $root.tensorboard.SourceMetadata.toObject(m.sourceMetadata, o, q + 1);
            }
            return d;
        };

        Event.prototype.toJSON = function() {
            return Event.toObject(this, $protobuf.util.toJSONOptions);
        };

        return Event;
    })();

    tensorboard.SourceMetadata = (function() {

        const SourceMetadata = function (p) {
            if (p)
                for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                    if (p[ks[i]] != null && ks[i] !== "__proto__")
                        this[ks[i]] = p[ks[i]];
        };

        SourceMetadata.prototype.writer = "";

        SourceMetadata.create = function(properties) {
            return new SourceMetadata(properties);
        };

        SourceMetadata.encode = function (m, w, q) {
            if (!w)
                w = $Writer.create();
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (m.writer != null && $Object.hasOwnProperty.call(m, "writer") && m.writer !== "")
                w.uint32(10).string(m.writer);
            if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                for (var i = 0; i < m.$unknowns.length; ++i)
                    w.raw(m.$unknowns[i]);
            return w;
        };

        SourceMetadata.decode = function (r, l, z, q, g) {
            if (!(r instanceof $Reader))
                r = $Reader.create(r);
            if (q === $undefined)
                q = 0;
            if (q > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            var c, m, v;
            if (l === $undefined)
                c = r.len;
            else {
                c = r.pos + l;
                if (c > r.len)
                    throw $RangeError("index out of range");
                l = r.len;
                r.len = c;
            }
            m = g || new $root.tensorboard.SourceMetadata();
            while (r.pos < c) {
                var s = r.pos;
                var t = r.tag();
                if (t === z) {
                    z = $undefined;
                    break;
                }
                var u = t & 7;
                switch (t >>>= 3) {
                case 1: {
                        if (u !== 2)
                            break;
                        if ((v = r.stringVerify()).length)
                            m.writer = v;
                        else
                            delete m.writer;
                        continue;
                    }
                }
                r.skipType(u, q, t);
                if (!r.discardUnknown) {
                    $util.makeProp(m, "$unknowns", false);
                    (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                }
            }
            if (l !== $undefined) {
                if (r.pos !== c)
                    throw $RangeError("index out of range");
                r.len = l;
            }
            if (z !== $undefined)
                throw $Error("missing end group");
            return m;
        };

        SourceMetadata.fromObject = function (d, q) {
            if (d instanceof $root.tensorboard.SourceMetadata)
                return d;
            if (!$util.isObject(d))
                throw $TypeError(".tensorboard.SourceMetadata: object expected");
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var m = new $root.tensorboard.SourceMetadata();
            if (d.writer != null) {
                if (typeof d.writer !== "string" || d.writer.length) {
                    m.writer = $String(d.writer);
                }
            }
            return m;
        };

        SourceMetadata.toObject = function (m, o, q) {
            if (!o)
                o = {};
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var d = {};
            if (o.defaults) {
                d.writer = "";
            }
            if (m.writer != null && $Object.hasOwnProperty.call(m, "writer")) {
                d.writer = m.writer;
            }
            return d;
        };

        SourceMetadata.prototype.toJSON = function() {
            return SourceMetadata.toObject(this, $protobuf.util.toJSONOptions);
        };

        return SourceMetadata;
    })();

    tensorboard.SessionLog = (function() {

        const SessionLog = function (p) {
            if (p)
                for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                    if (p[ks[i]] != null && ks[i] !== "__proto__")
                        this[ks[i]] = p[ks[i]];
        };

        SessionLog.prototype.status = 0;
        SessionLog.prototype.checkpointPath = "";
        SessionLog.prototype.msg = "";

        SessionLog.create = function(properties) {
            return new SessionLog(properties);
        };

        SessionLog.encode = function (m, w, q) {
            if (!w)
                w = $Writer.create();
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (m.status != null && $Object.hasOwnProperty.call(m, "status") && m.status !== 0)
                w.uint32(8).int32(m.status);
            if (m.checkpointPath != null && $Object.hasOwnProperty.call(m, "checkpointPath") && m.checkpointPath !== "")
                w.uint32(18).string(m.checkpointPath);
            if (m.msg != null && $Object.hasOwnProperty.call(m, "msg") && m.msg !== "")
                w.uint32(26).string(m.msg);
            if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                for (var i = 0; i < m.$unknowns.length; ++i)
                    w.raw(m.$unknowns[i]);
            return w;
        };

        SessionLog.decode = function (r, l, z, q, g) {
            if (!(r instanceof $Reader))
                r = $Reader.create(r);
            if (q === $undefined)
                q = 0;
            if (q > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            var c, m, v;
            if (l === $undefined)
                c = r.len;
            else {
                c = r.pos + l;
                if (c > r.len)
                    throw $RangeError("index out of range");
                l = r.len;
                r.len = c;
            }
            m = g || new $root.tensorboard.SessionLog();
            while (r.pos < c) {
                var s = r.pos;
                var t = r.tag();
                if (t === z) {
                    z = $undefined;
                    break;
                }
                var u = t & 7;
                switch (t >>>= 3) {
                case 1: {
                        if (u !== 0)
                            break;
                        if (v = r.int32())
                            m.status = v;
                        else
                            delete m.status;
                        continue;
                    }
                case 2: {
                        if (u !== 2)
                            break;
                        if ((v = r.stringVerify()).length)
                            m.checkpointPath = v;
                        else
                            delete m.checkpointPath;
                        continue;
                    }
                case 3: {
                        if (u !== 2)
                            break;
                        if ((v = r.stringVerify()).length)
                            m.msg = v;
                        else
                            delete m.msg;
                        continue;
                    }
                }
                r.skipType(u, q, t);
                if (!r.discardUnknown) {
                    $util.makeProp(m, "$unknowns", false);
                    (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                }
            }
            if (l !== $undefined) {
                if (r.pos !== c)
                    throw $RangeError("index out of range");
                r.len = l;
            }
            if (z !== $undefined)
                throw $Error("missing end group");
            return m;
        };

        SessionLog.fromObject = function (d, q) {
            if (d instanceof $root.tensorboard.SessionLog)
                return d;
            if (!$util.isObject(d))
                throw $TypeError(".tensorboard.SessionLog: object expected");
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var m = new $root.tensorboard.SessionLog();
            if (d.status !== 0 && (typeof d.status !== "string" || $root.tensorboard.SessionLog.SessionStatus[d.status] !== 0)) {
                switch (d.status) {
                case "STATUS_UNSPECIFIED":
                case 0:
                    m.status = 0;
                    break;
                case "START":
                case 1:
                    m.status = 1;
                    break;
                case "STOP":
                case 2:
                    m.status = 2;
                    break;
                case "CHECKPOINT":
                case 3:
                    m.status = 3;
                    break;
                default:
                    if (typeof d.status === "number" && (d.status | 0) === d.status)
                        m.status = d.status;
                }
            }
            if (d.checkpointPath != null) {
                if (typeof d.checkpointPath !== "string" || d.checkpointPath.length) {
                    m.checkpointPath = $String(d.checkpointPath);
                }
            }
            if (d.msg != null) {
                if (typeof d.msg !== "string" || d.msg.length) {
                    m.msg = $String(d.msg);
                }
            }
            return m;
        };

        SessionLog.toObject = function (m, o, q) {
            if (!o)
                o = {};
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var d = {};
            if (o.defaults) {
                d.status = o.enums === $String ? "STATUS_UNSPECIFIED" : 0;
                d.checkpointPath = "";
                d.msg = "";
            }
            if (m.status != null && $Object.hasOwnProperty.call(m, "status")) {
                d.status = o.enums === $String ? $root.tensorboard.SessionLog.SessionStatus[m.status] === $undefined ? m.status : $root.tensorboard.SessionLog.SessionStatus[m.status] : m.status;
            }
            if (m.checkpointPath != null && $Object.hasOwnProperty.call(m, "checkpointPath")) {
                d.checkpointPath = m.checkpointPath;
            }
            if (m.msg != null && $Object.hasOwnProperty.call(m, "msg")) {
                d.msg = m.msg;
            }
            return d;
        };

        SessionLog.prototype.toJSON = function() {
            return SessionLog.toObject(this, $protobuf.util.toJSONOptions);
        };

        SessionLog.SessionStatus = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "STATUS_UNSPECIFIED"] = 0;
            values[valuesById[1] = "START"] = 1;
            values[valuesById[2] = "STOP"] = 2;
            values[valuesById[3] = "CHECKPOINT"] = 3;
            return values;
        })();

        return SessionLog;
    })();

    tensorboard.TaggedRunMetadata = (function() {

        const TaggedRunMetadata = function (p) {
            if (p)
                for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                    if (p[ks[i]] != null && ks[i] !== "__proto__")
                        this[ks[i]] = p[ks[i]];
        };

        TaggedRunMetadata.prototype.tag = "";
        TaggedRunMetadata.prototype.runMetadata = $util.newBuffer([]);

        TaggedRunMetadata.create = function(properties) {
            return new TaggedRunMetadata(properties);
        };

        TaggedRunMetadata.encode = function (m, w, q) {
            if (!w)
                w = $Writer.create();
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (m.tag != null && $Object.hasOwnProperty.call(m, "tag") && m.tag !== "")
                w.uint32(10).string(m.tag);
            if (m.runMetadata != null && $Object.hasOwnProperty.call(m, "runMetadata") && m.runMetadata.length)
                w.uint32(18).bytes(m.runMetadata);
            if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                for (var i = 0; i < m.$unknowns.length; ++i)
                    w.raw(m.$unknowns[i]);
            return w;
        };

        TaggedRunMetadata.decode = function (r, l, z, q, g) {
            if (!(r instanceof $Reader))
                r = $Reader.create(r);
            if (q === $undefined)
                q = 0;
            if (q > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            var c, m, v;
            if (l === $undefined)
                c = r.len;
            else {
                c = r.pos + l;
                if (c > r.len)
                    throw $RangeError("index out of range");
                l = r.len;
                r.len = c;
            }
            m = g || new $root.tensorboard.TaggedRunMetadata();
            while (r.pos < c) {
                var s = r.pos;
                var t = r.tag();
                if (t === z) {
                    z = $undefined;
                    break;
                }
                var u = t & 7;
                switch (t >>>= 3) {
                case 1: {
                        if (u !== 2)
                            break;
                        if ((v = r.stringVerify()).length)
                            m.tag = v;
                        else
                            delete m.tag;
                        continue;
                    }
                case 2: {
                        if (u !== 2)
                            break;
                        if ((v = r.bytes()).length)
                            m.runMetadata = v;
                        else
                            delete m.runMetadata;
                        continue;
                    }
                }
                r.skipType(u, q, t);
                if (!r.discardUnknown) {
                    $util.makeProp(m, "$unknowns", false);
                    (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                }
            }
            if (l !== $undefined) {
                if (r.pos !== c)
                    throw $RangeError("index out of range");
                r.len = l;
            }
            if (z !== $undefined)
                throw $Error("missing end group");
            return m;
        };

        TaggedRunMetadata.fromObject = function (d, q) {
            if (d instanceof $root.tensorboard.TaggedRunMetadata)
                return d;
            if (!$util.isObject(d))
                throw $TypeError(".tensorboard.TaggedRunMetadata: object expected");
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var m = new $root.tensorboard.TaggedRunMetadata();
            if (d.tag != null) {
                if (typeof d.tag !== "string" || d.tag.length) {
                    m.tag = $String(d.tag);
                }
            }
            if (d.runMetadata != null) {
                if (d.runMetadata.length) {
                    if (typeof d.runMetadata === "string")
                        $util.base64.decode(d.runMetadata, m.runMetadata = $util.newBuffer($util.base64.length(d.runMetadata)), 0);
                    else if (d.runMetadata.length >= 0)
                        m.runMetadata = d.runMetadata;
                }
            }
            return m;
        };

        TaggedRunMetadata.toObject = function (m, o, q) {
            if (!o)
                o = {};
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var d = {};
            if (o.defaults) {
                d.tag = "";
                if (o.bytes === $String)
                    d.runMetadata = "";
                else {
                    d.runMetadata = [];
                    if (o.bytes !== $Array)
                        d.runMetadata = $util.newBuffer(d.runMetadata);
                }
            }
            if (m.tag != null && $Object.hasOwnProperty.call(m, "tag")) {
                d.tag = m.tag;
            }
            if (m.runMetadata != null && $Object.hasOwnProperty.call(m, "runMetadata")) {
                d.runMetadata = o.bytes === $String ? $util.base64.encode(m.runMetadata, 0, m.runMetadata.length) : o.bytes === $Array ? $Array.prototype.slice.call(m.runMetadata) : m.runMetadata;
            }
            return d;
        };

        TaggedRunMetadata.prototype.toJSON = function() {
            return TaggedRunMetadata.toObject(this, $protobuf.util.toJSONOptions);
        };

        return TaggedRunMetadata;
    })();

    tensorboard.DataClass = (function() {
        const valuesById = $Object.create(null), values = $Object.create(valuesById);
        values[valuesById[0] = "DATA_CLASS_UNKNOWN"] = 0;
        values[valuesById[1] = "DATA_CLASS_SCALAR"] = 1;
        values[valuesById[2] = "DATA_CLASS_TENSOR"] = 2;
        values[valuesById[3] = "DATA_CLASS_BLOB_SEQUENCE"] = 3;
        return values;
    })();

    tensorboard.SummaryMetadata = (function() {

        const SummaryMetadata = function (p) {
            if (p)
                for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                    if (p[ks[i]] != null && ks[i] !== "__proto__")
                        this[ks[i]] = p[ks[i]];
        };

        SummaryMetadata.prototype.pluginData = null;
        SummaryMetadata.prototype.displayName = "";
        SummaryMetadata.prototype.summaryDescription = "";
        SummaryMetadata.prototype.dataClass = 0;

        SummaryMetadata.create = function(properties) {
            return new SummaryMetadata(properties);
        };

        SummaryMetadata.encode = function (m, w, q) {
            if (!w)
                w = $Writer.create();
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (m.pluginData != null && $Object.hasOwnProperty.call(m, "pluginData"))
                $root.tensorboard.SummaryMetadata.PluginData.encode(m.pluginData, w.uint32(10).fork(), q + 1).ldelim();
            if (m.displayName != null && $Object.hasOwnProperty.call(m, "displayName") && m.displayName !== "")
                w.uint32(18).string(m.displayName);
            if (m.summaryDescription != null && $Object.hasOwnProperty.call(m, "summaryDescription") && m.summaryDescription !== "")
                w.uint32(26).string(m.summaryDescription);
            if (m.dataClass != null && $Object.hasOwnProperty.call(m, "dataClass") && m.dataClass !== 0)
                w.uint32(32).int32(m.dataClass);
            if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                for (var i = 0; i < m.$unknowns.length; ++i)
                    w.raw(m.$unknowns[i]);
            return w;
        };

        SummaryMetadata.decode = function (r, l, z, q, g) {
            if (!(r instanceof $Reader))
                r = $Reader.create(r);
            if (q === $undefined)
                q = 0;
            if (q > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            var c, m, v;
            if (l === $undefined)
                c = r.len;
            else {
                c = r.pos + l;
                if (c > r.len)
                    throw $RangeError("index out of range");
                l = r.len;
                r.len = c;
            }
            m = g || new $root.tensorboard.SummaryMetadata();
            while (r.pos < c) {
                var s = r.pos;
                var t = r.tag();
                if (t === z) {
                    z = $undefined;
                    break;
                }
                var u = t & 7;
                switch (t >>>= 3) {
                case 1: {
                        if (u !== 2)
                            break;
                        m.pluginData = $root.tensorboard.SummaryMetadata.PluginData.decode(r, r.size(), $undefined, q + 1, m.pluginData);
                        continue;
                    }
                case 2: {
                        if (u !== 2)
                            break;
                        if ((v = r.stringVerify()).length)
                            m.displayName = v;
                        else
                            delete m.displayName;
                        continue;
                    }
                case 3: {
                        if (u !== 2)
                            break;
                        if ((v = r.stringVerify()).length)
                            m.summaryDescription = v;
                        else
                            delete m.summaryDescription;
                        continue;
                    }
                case 4: {
                        if (u !== 0)
                            break;
                        if (v = r.int32())
                            m.dataClass = v;
                        else
                            delete m.dataClass;
                        continue;
                    }
                }
                r.skipType(u, q, t);
                if (!r.discardUnknown) {
                    $util.makeProp(m, "$unknowns", false);
                    (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                }
            }
            if (l !== $undefined) {
                if (r.pos !== c)
                    throw $RangeError("index out of range");
                r.len = l;
            }
            if (z !== $undefined)
                throw $Error("missing end group");
            return m;
        };

        SummaryMetadata.fromObject = function (d, q) {
            if (d instanceof $root.tensorboard.SummaryMetadata)
                return d;
            if (!$util.isObject(d))
                throw $TypeError(".tensorboard.SummaryMetadata: object expected");
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var m = new $root.tensorboard.SummaryMetadata();
            if (d.pluginData != null) {
                if (!$util.isObject(d.pluginData))
                    throw $TypeError(".tensorboard.SummaryMetadata.pluginData: object expected");
                m.pluginData = $root.tensorboard.SummaryMetadata.PluginData.fromObject(d.pluginData, q + 1);
            }
            if (d.displayName != null) {
                if (typeof d.displayName !== "string" || d.displayName.length) {
                    m.displayName = $String(d.displayName);
                }
            }
            if (d.summaryDescription != null) {
                if (typeof d.summaryDescription !== "string" || d.summaryDescription.length) {
                    m.summaryDescription = $String(d.summaryDescription);
                }
            }
            if (d.dataClass !== 0 && (typeof d.dataClass !== "string" || $root.tensorboard.DataClass[d.dataClass] !== 0)) {
                switch (d.dataClass) {
                case "DATA_CLASS_UNKNOWN":
                case 0:
                    m.dataClass = 0;
                    break;
                case "DATA_CLASS_SCALAR":
                case 1:
                    m.dataClass = 1;
                    break;
                case "DATA_CLASS_TENSOR":
                case 2:
                    m.dataClass = 2;
                    break;
                case "DATA_CLASS_BLOB_SEQUENCE":
                case 3:
                    m.dataClass = 3;
                    break;
                default:
                    if (typeof d.dataClass === "number" && (d.dataClass | 0) === d.dataClass)
                        m.dataClass = d.dataClass;
                }
            }
            return m;
        };

        SummaryMetadata.toObject = function (m, o, q) {
            if (!o)
                o = {};
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var d = {};
            if (o.defaults) {
                d.pluginData = null;
                d.displayName = "";
                d.summaryDescription = "";
                d.dataClass = o.enums === $String ? "DATA_CLASS_UNKNOWN" : 0;
            }
            if (m.pluginData != null && $Object.hasOwnProperty.call(m, "pluginData")) {
                d.pluginData = $root.tensorboard.SummaryMetadata.PluginData.toObject(m.pluginData, o, q + 1);
            }
            if (m.displayName != null && $Object.hasOwnProperty.call(m, "displayName")) {
                d.displayName = m.displayName;
            }
            if (m.summaryDescription != null && $Object.hasOwnProperty.call(m, "summaryDescription")) {
                d.summaryDescription = m.summaryDescription;
            }
            if (m.dataClass != null && $Object.hasOwnProperty.call(m, "dataClass")) {
                d.dataClass = o.enums === $String ? $root.tensorboard.DataClass[m.dataClass] === $undefined ? m.dataClass : $root.tensorboard.DataClass[m.dataClass] : m.dataClass;
            }
            return d;
        };

        SummaryMetadata.prototype.toJSON = function() {
            return SummaryMetadata.toObject(this, $protobuf.util.toJSONOptions);
        };

        SummaryMetadata.PluginData = (function() {

            const PluginData = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            PluginData.prototype.pluginName = "";
            PluginData.prototype.content = $util.newBuffer([]);

            PluginData.create = function(properties) {
                return new PluginData(properties);
            };

            PluginData.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.pluginName != null && $Object.hasOwnProperty.call(m, "pluginName") && m.pluginName !== "")
                    w.uint32(10).string(m.pluginName);
                if (m.content != null && $Object.hasOwnProperty.call(m, "content") && m.content.length)
                    w.uint32(18).bytes(m.content);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            PluginData.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.tensorboard.SummaryMetadata.PluginData();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.pluginName = v;
                            else
                                delete m.pluginName;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.content = v;
                            else
                                delete m.content;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            PluginData.fromObject = function (d, q) {
                if (d instanceof $root.tensorboard.SummaryMetadata.PluginData)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".tensorboard.SummaryMetadata.PluginData: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.tensorboard.SummaryMetadata.PluginData();
                if (d.pluginName != null) {
                    if (typeof d.pluginName !== "string" || d.pluginName.length) {
                        m.pluginName = $String(d.pluginName);
                    }
                }
                if (d.content != null) {
                    if (d.content.length) {
                        if (typeof d.content === "string")
                            $util.base64.decode(d.content, m.content = $util.newBuffer($util.base64.length(d.content)), 0);
                        else if (d.content.length >= 0)
                            m.content = d.content;
                    }
                }
                return m;
            };

            PluginData.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.pluginName = "";
                    if (o.bytes === $String)
                        d.content = "";
                    else {
                        d.content = [];
                        if (o.bytes !== $Array)
                            d.content = $util.newBuffer(d.content);
                    }
                }
                if (m.pluginName != null && $Object.hasOwnProperty.call(m, "pluginName")) {
                    d.pluginName = m.pluginName;
                }
                if (m.content != null && $Object.hasOwnProperty.call(m, "content")) {
                    d.content = o.bytes === $String ? $util.base64.encode(m.content, 0, m.content.length) : o.bytes === $Array ? $Array.prototype.slice.call(m.content) : m.content;
                }
                return d;
            };

            PluginData.prototype.toJSON = function() {
                return PluginData.toObject(this, $protobuf.util.toJSONOptions);
            };

            return PluginData;
        })();

        return SummaryMetadata;
    })();

    tensorboard.Summary = (function() {

        const Summary = function (p) {
            this.value = [];
            if (p)
                for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                    if (p[ks[i]] != null && ks[i] !== "__proto__")
                        this[ks[i]] = p[ks[i]];
        };

        Summary.prototype.value = $util.emptyArray;

        Summary.create = function(properties) {
            return new Summary(properties);
        };

        Summary.encode = function (m, w, q) {
            if (!w)
                w = $Writer.create();
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (m.value != null && m.value.length) {
                for (var i = 0; i < m.value.length; ++i)
                    $root.tensorboard.Summary.Value.encode(m.value[i], w.uint32(10).fork(), q + 1).ldelim();
            }
            if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                for (var i = 0; i < m.$unknowns.length; ++i)
                    w.raw(m.$unknowns[i]);
            return w;
        };

        Summary.decode = function (r, l, z, q, g) {
            if (!(r instanceof $Reader))
                r = $Reader.create(r);
            if (q === $undefined)
                q = 0;
            if (q > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            var c, m;
            if (l === $undefined)
                c = r.len;
            else {
                c = r.pos + l;
                if (c > r.len)
                    throw $RangeError("index out of range");
                l = r.len;
                r.len = c;
            }
            m = g || new $root.tensorboard.Summary();
            while (r.pos < c) {
                var s = r.pos;
                var t = r.tag();
                if (t === z) {
                    z = $undefined;
                    break;
                }
                var u = t & 7;
                switch (t >>>= 3) {
                case 1: {
                        if (u !== 2)
                            break;
                        if (!(m.value && m.value.length))
                            m.value = [];
                        m.value.push($root.tensorboard.Summary.Value.decode(r, r.size(), $undefined, q + 1));
                        continue;
                    }
                }
                r.skipType(u, q, t);
                if (!r.discardUnknown) {
                    $util.makeProp(m, "$unknowns", false);
                    (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                }
            }
            if (l !== $undefined) {
                if (r.pos !== c)
                    throw $RangeError("index out of range");
                r.len = l;
            }
            if (z !== $undefined)
                throw $Error("missing end group");
            return m;
        };

        Summary.fromObject = function (d, q) {
            if (d instanceof $root.tensorboard.Summary)
                return d;
            if (!$util.isObject(d))
                throw $TypeError(".tensorboard.Summary: object expected");
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var m = new $root.tensorboard.Summary();
            if (d.value) {
                if (!$Array.isArray(d.value))
                    throw $TypeError(".tensorboard.Summary.value: array expected");
                m.value = $Array(d.value.length);
                for (var i = 0; i < d.value.length; ++i) {
                    if (!$util.isObject(d.value[i]))
                        throw $TypeError(".tensorboard.Summary.value: object expected");
                    m.value[i] = $root.tensorboard.Summary.Value.fromObject(d.value[i], q + 1);
                }
            }
            return m;
        };

        Summary.toObject = function (m, o, q) {
            if (!o)
                o = {};
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var d = {};
            if (o.arrays || o.defaults) {
                d.value = [];
            }
            if (m.value && m.value.length) {
                d.value = $Array(m.value.length);
                for (var j = 0; j < m.value.length; ++j) {
                    d.value[j] = $root.tensorboard.Summary.Value.toObject(m.value[j], o, q + 1);
                }
            }
            return d;
        };

        Summary.prototype.toJSON = function() {
            return Summary.toObject(this, $protobuf.util.toJSONOptions);
        };

        Summary.Image = (function() {

            const Image = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            Image.prototype.height = 0;
            Image.prototype.width = 0;
            Image.prototype.colorspace = 0;
            Image.prototype.encodedImageString = $util.newBuffer([]);

            Image.create = function(properties) {
                return new Image(properties);
            };

            Image.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.height != null && $Object.hasOwnProperty.call(m, "height") && m.height !== 0)
                    w.uint32(8).int32(m.height);
                if (m.width != null && $Object.hasOwnProperty.call(m, "width") && m.width !== 0)
                    w.uint32(16).int32(m.width);
                if (m.colorspace != null && $Object.hasOwnProperty.call(m, "colorspace") && m.colorspace !== 0)
                    w.uint32(24).int32(m.colorspace);
                if (m.encodedImageString != null && $Object.hasOwnProperty.call(m, "encodedImageString") && m.encodedImageString.length)
                    w.uint32(34).bytes(m.encodedImageString);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            Image.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.tensorboard.Summary.Image();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 0)
                                break;
                            if (v = r.int32())
                                m.height = v;
                            else
                                delete m.height;
                            continue;
                        }
                    case 2: {
                            if (u !== 0)
                                break;
                            if (v = r.int32())
                                m.width = v;
                            else
                                delete m.width;
                            continue;
                        }
                    case 3: {
                            if (u !== 0)
                                break;
                            if (v = r.int32())
                                m.colorspace = v;
                            else
                                delete m.colorspace;
                            continue;
                        }
                    case 4: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.encodedImageString = v;
                            else
                                delete m.encodedImageString;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            Image.fromObject = function (d, q) {
                if (d instanceof $root.tensorboard.Summary.Image)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".tensorboard.Summary.Image: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.tensorboard.Summary.Image();
                if (d.height != null) {
                    if ($Number(d.height) !== 0) {
                        m.height = d.height | 0;
                    }
                }
                if (d.width != null) {
                    if ($Number(d.width) !== 0) {
                        m.width = d.width | 0;
                    }
                }
                if (d.colorspace != null) {
                    if ($Number(d.colorspace) !== 0) {
                        m.colorspace = d.colorspace | 0;
                    }
                }
                if (d.encodedImageString != null) {
                    if (d.encodedImageString.length) {
                        if (typeof d.encodedImageString === "string")
                            $util.base64.decode(d.encodedImageString, m.encodedImageString = $util.newBuffer($util.base64.length(d.encodedImageString)), 0);
                        else if (d.encodedImageString.length >= 0)
                            m.encodedImageString = d.encodedImageString;
                    }
                }
                return m;
            };

            Image.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.height = 0;
                    d.width = 0;
                    d.colorspace = 0;
                    if (o.bytes === $String)
                        d.encodedImageString = "";
                    else {
                        d.encodedImageString = [];
                        if (o.bytes !== $Array)
                            d.encodedImageString = $util.newBuffer(d.encodedImageString);
                    }
                }
                if (m.height != null && $Object.hasOwnProperty.call(m, "height")) {
                    d.height = m.height;
                }
                if (m.width != null && $Object.hasOwnProperty.call(m, "width")) {
                    d.width = m.width;
                }
                if (m.colorspace != null && $Object.hasOwnProperty.call(m, "colorspace")) {
                    d.colorspace = m.colorspace;
                }
                if (m.encodedImageString != null && $Object.hasOwnProperty.call(m, "encodedImageString")) {
                    d.encodedImageString = o.bytes === $String ? $util.base64.encode(m.encodedImageString, 0, m.encodedImageString.length) : o.bytes === $Array ? $Array.prototype.slice.call(m.encodedImageString) : m.encodedImageString;
                }
                return d;
            };

            Image.prototype.toJSON = function() {
                return Image.toObject(this, $protobuf.util.toJSONOptions);
            };

            return Image;
        })();

        Summary.Audio = (function() {

            const Audio = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            Audio.prototype.sampleRate = 0;
            Audio.prototype.numChannels = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
            Audio.prototype.lengthFrames = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
            Audio.prototype.encodedAudioString = $util.newBuffer([]);
            Audio.prototype.contentType = "";

            Audio.create = function(properties) {
                return new Audio(properties);
            };

            Audio.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.sampleRate != null && $Object.hasOwnProperty.call(m, "sampleRate") && !$Object.is(m.sampleRate, 0))
                    w.uint32(13).float(m.sampleRate);
                if (m.numChannels != null && $Object.hasOwnProperty.call(m, "numChannels") && (typeof m.numChannels === "object" ? m.numChannels.low || m.numChannels.high : m.numChannels !== 0))
                    w.uint32(16).int64(m.numChannels);
                if (m.lengthFrames != null && $Object.hasOwnProperty.call(m, "lengthFrames") && (typeof m.lengthFrames === "object" ? m.lengthFrames.low || m.lengthFrames.high : m.lengthFrames !== 0))
                    w.uint32(24).int64(m.lengthFrames);
                if (m.encodedAudioString != null && $Object.hasOwnProperty.call(m, "encodedAudioString") && m.encodedAudioString.length)
                    w.uint32(34).bytes(m.encodedAudioString);
                if (m.contentType != null && $Object.hasOwnProperty.call(m, "contentType") && m.contentType !== "")
                    w.uint32(42).string(m.contentType);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            Audio.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.tensorboard.Summary.Audio();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 5)
                                break;
                            if (!$Object.is(v = r.float(), 0))
                                m.sampleRate = v;
                            else
                                delete m.sampleRate;
                            continue;
                        }
                    case 2: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.int64()) === "object" ? v.low || v.high : v !== 0)
                                m.numChannels = v;
                            else
                                delete m.numChannels;
                            continue;
                        }
                    case 3: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.int64()) === "object" ? v.low || v.high : v !== 0)
                                m.lengthFrames = v;
                            else
                                delete m.lengthFrames;
                            continue;
                        }
                    case 4: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.encodedAudioString = v;
                            else
                                delete m.encodedAudioString;
                            continue;
                        }
                    case 5: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.contentType = v;
                            else
                                delete m.contentType;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            Audio.fromObject = function (d, q) {
                if (d instanceof $root.tensorboard.Summary.Audio)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".tensorboard.Summary.Audio: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.tensorboard.Summary.Audio();
                if (d.sampleRate != null) {
                    if (!$Object.is($Number(d.sampleRate), 0)) {
                        m.sampleRate = $Number(d.sampleRate);
                    }
                }
                if (d.numChannels != null) {
                    if (typeof d.numChannels === "object" ? d.numChannels.low || d.numChannels.high : $Number(d.numChannels) !== 0) {
                        if ($util.Long)
                            m.numChannels = $util.Long.fromValue(d.numChannels, false);
                        else if (typeof d.numChannels === "string")
                            m.numChannels = $parseInt(d.numChannels, 10);
                        else if (typeof d.numChannels === "number")
                            m.numChannels = d.numChannels;
                        else if (typeof d.numChannels === "object")
                            m.numChannels = new $util.LongBits(d.numChannels.low >>> 0, d.numChannels.high >>> 0).toNumber();
                    }
                }
                if (d.lengthFrames != null) {
                    if (typeof d.lengthFrames === "object" ? d.lengthFrames.low || d.lengthFrames.high : $Number(d.lengthFrames) !== 0) {
                        if ($util.Long)
                            m.lengthFrames = $util.Long.fromValue(d.lengthFrames, false);
                        else if (typeof d.lengthFrames === "string")
                            m.lengthFrames = $parseInt(d.lengthFrames, 10);
                        else if (typeof d.lengthFrames === "number")
                            m.lengthFrames = d.lengthFrames;
                        else if (typeof d.lengthFrames === "object")
                            m.lengthFrames = new $util.LongBits(d.lengthFrames.low >>> 0, d.lengthFrames.high >>> 0).toNumber();
                    }
                }
                if (d.encodedAudioString != null) {
                    if (d.encodedAudioString.length) {
                        if (typeof d.encodedAudioString === "string")
                            $util.base64.decode(d.encodedAudioString, m.encodedAudioString = $util.newBuffer($util.base64.length(d.encodedAudioString)), 0);
                        else if (d.encodedAudioString.length >= 0)
                            m.encodedAudioString = d.encodedAudioString;
                    }
                }
                if (d.contentType != null) {
                    if (typeof d.contentType !== "string" || d.contentType.length) {
                        m.contentType = $String(d.contentType);
                    }
                }
                return m;
            };

            Audio.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.sampleRate = 0;
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, false);
                        d.numChannels = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.numChannels = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, false);
                        d.lengthFrames = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.lengthFrames = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    if (o.bytes === $String)
                        d.encodedAudioString = "";
                    else {
                        d.encodedAudioString = [];
                        if (o.bytes !== $Array)
                            d.encodedAudioString = $util.newBuffer(d.encodedAudioString);
                    }
                    d.contentType = "";
                }
                if (m.sampleRate != null && $Object.hasOwnProperty.call(m, "sampleRate")) {
                    d.sampleRate = o.json && !$isFinite(m.sampleRate) ? $String(m.sampleRate) : m.sampleRate;
                }
                if (m.numChannels != null && $Object.hasOwnProperty.call(m, "numChannels")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.numChannels = typeof m.numChannels === "number" ? $BigInt(m.numChannels) : $util.Long.fromBits(m.numChannels.low >>> 0, m.numChannels.high >>> 0, false).toBigInt();
                    else if (typeof m.numChannels === "number")
                        d.numChannels = o.longs === $String ? $String(m.numChannels) : m.numChannels;
                    else
                        d.numChannels = o.longs === $String ? $util.Long.prototype.toString.call(m.numChannels) : o.longs === $Number ? new $util.LongBits(m.numChannels.low >>> 0, m.numChannels.high >>> 0).toNumber() : m.numChannels;
                }
                if (m.lengthFrames != null && $Object.hasOwnProperty.call(m, "lengthFrames")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.lengthFrames = typeof m.lengthFrames === "number" ? $BigInt(m.lengthFrames) : $util.Long.fromBits(m.lengthFrames.low >>> 0, m.lengthFrames.high >>> 0, false).toBigInt();
                    else if (typeof m.lengthFrames === "number")
                        d.lengthFrames = o.longs === $String ? $String(m.lengthFrames) : m.lengthFrames;
                    else
                        d.lengthFrames = o.longs === $String ? $util.Long.prototype.toString.call(m.lengthFrames) : o.longs === $Number ? new $util.LongBits(m.lengthFrames.low >>> 0, m.lengthFrames.high >>> 0).toNumber() : m.lengthFrames;
                }
                if (m.encodedAudioString != null && $Object.hasOwnProperty.call(m, "encodedAudioString")) {
                    d.encodedAudioString = o.bytes === $String ? $util.base64.encode(m.encodedAudioString, 0, m.encodedAudioString.length) : o.bytes === $Array ? $Array.prototype.slice.call(m.encodedAudioString) : m.encodedAudioString;
                }
                if (m.contentType != null && $Object.hasOwnProperty.call(m, "contentType")) {
                    d.contentType = m.contentType;
                }
                return d;
            };

            Audio.prototype.toJSON = function() {
                return Audio.toObject(this, $protobuf.util.toJSONOptions);
            };

            return Audio;
        })();

        Summary.Value = (function() {

            const Value = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            Value.prototype.nodeName = "";
            Value.prototype.tag = "";
            Value.prototype.metadata = null;
            Value.prototype.simpleValue = null;
            Value.prototype.obsoleteOldStyleHistogram = null;
            Value.prototype.image = null;
            Value.prototype.histo = null;
            Value.prototype.audio = null;
            Value.prototype.tensor = null;

            let $oneOfFields;

            $Object.defineProperty(Value.prototype, "value", {
                get: $util.oneOfGetter($oneOfFields = ["simpleValue", "obsoleteOldStyleHistogram", "image", "histo", "audio", "tensor"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            Value.create = function(properties) {
                return new Value(properties);
            };

            Value.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.tag != null && $Object.hasOwnProperty.call(m, "tag") && m.tag !== "")
                    w.uint32(10).string(m.tag);
                if (m.simpleValue != null && $Object.hasOwnProperty.call(m, "simpleValue"))
                    w.uint32(21).float(m.simpleValue);
                if (m.obsoleteOldStyleHistogram != null && $Object.hasOwnProperty.call(m, "obsoleteOldStyleHistogram"))
                    w.uint32(26).bytes(m.obsoleteOldStyleHistogram);
                if (m.image != null && $Object.hasOwnProperty.call(m, "image"))
                    $root.tensorboard.Summary.Image.encode(m.image, w.uint32(34).fork(), q + 1).ldelim();
                if (m.histo != null && $Object.hasOwnProperty.call(m, "histo"))
                    $root.tensorboard.HistogramProto.encode(m.histo, w.uint32(42).fork(), q + 1).ldelim();
                if (m.audio != null && $Object.hasOwnProperty.call(m, "audio"))
                    $root.tensorboard.Summary.Audio.encode(m.audio, w.uint32(50).fork(), q + 1).ldelim();
                if (m.nodeName != null && $Object.hasOwnProperty.call(m, "nodeName") && m.nodeName !== "")
                    w.uint32(58).string(m.nodeName);
                if (m.tensor != null && $Object.hasOwnProperty.call(m, "tensor"))
                    $root.tensorboard.TensorProto.encode(m.tensor, w.uint32(66).fork(), q + 1).ldelim();
                if (m.metadata != null && $Object.hasOwnProperty.call(m, "metadata"))
                    $root.tensorboard.SummaryMetadata.encode(m.metadata, w.uint32(74).fork(), q + 1).ldelim();
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            Value.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.tensorboard.Summary.Value();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 7: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.nodeName = v;
                            else
                                delete m.nodeName;
                            continue;
                        }
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.tag = v;
                            else
                                delete m.tag;
                            continue;
                        }
                    case 9: {
                            if (u !== 2)
                                break;
                            m.metadata = $root.tensorboard.SummaryMetadata.decode(r, r.size(), $undefined, q + 1, m.metadata);
                            continue;
                        }
                    case 2: {
                            if (u !== 5)
                                break;
                            m.simpleValue = r.float();
                            m.value = "simpleValue";
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            m.obsoleteOldStyleHistogram = r.bytes();
                            m.value = "obsoleteOldStyleHistogram";
                            continue;
                        }
                    case 4: {
                            if (u !== 2)
                                break;
                            m.image = $root.tensorboard.Summary.Image.decode(r, r.size(), $undefined, q + 1, m.image);
                            m.value = "image";
                            continue;
                        }
                    case 5: {
                            if (u !== 2)
                                break;
                            m.histo = $root.tensorboard.HistogramProto.decode(r, r.size(), $undefined, q + 1, m.histo);
                            m.value = "histo";
                            continue;
                        }
                    case 6: {
                            if (u !== 2)
                                break;
                            m.audio = $root.tensorboard.Summary.Audio.decode(r, r.size(), $undefined, q + 1, m.audio);
                            m.value = "audio";
                            continue;
                        }
                    case 8: {
                            if (u !== 2)
                                break;
                            m.tensor = $root.tensorboard.TensorProto.decode(r, r.size(), $undefined, q + 1, m.tensor);
                            m.value = "tensor";
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            Value.fromObject = function (d, q) {
                if (d instanceof $root.tensorboard.Summary.Value)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".tensorboard.Summary.Value: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.tensorboard.Summary.Value();
                if (d.nodeName != null) {
                    if (typeof d.nodeName !== "string" || d.nodeName.length) {
                        m.nodeName = $String(d.nodeName);
                    }
                }
                if (d.tag != null) {
                    if (typeof d.tag !== "string" || d.tag.length) {
                        m.tag = $String(d.tag);
                    }
                }
                if (d.metadata != null) {
                    if (!$util.isObject(d.metadata))
                        throw $TypeError(".tensorboard.Summary.Value.metadata: object expected");
                    m.metadata = $root.tensorboard.SummaryMetadata.fromObject(d.metadata, q + 1);
                }
                if (d.simpleValue != null) {
                    m.simpleValue = $Number(d.simpleValue);
                }
                if (d.obsoleteOldStyleHistogram != null) {
                    if (typeof d.obsoleteOldStyleHistogram === "string")
                        $util.base64.decode(d.obsoleteOldStyleHistogram, m.obsoleteOldStyleHistogram = $util.newBuffer($util.base64.length(d.obsoleteOldStyleHistogram)), 0);
                    else if (d.obsoleteOldStyleHistogram.length >= 0)
                        m.obsoleteOldStyleHistogram = d.obsoleteOldStyleHistogram;
                }
                if (d.image != null) {
                    if (!$util.isObject(d.image))
                        throw $TypeError(".tensorboard.Summary.Value.image: object expected");
                    m.image = $root.tensorboard.Summary.Image.fromObject(d.image, q + 1);
                }
                if (d.histo != null) {
                    if (!$util.isObject(d.histo))
                        throw $TypeError(".tensorboard.Summary.Value.histo: object expected");
                    m.histo = $root.tensorboard.HistogramProto.fromObject(d.histo, q + 1);
                }
                if (d.audio != null) {
                    if (!$util.isObject(d.audio))
                        throw $TypeError(".tensorboard.Summary.Value.audio: object expected");
                    m.audio = $root.tensorboard.Summary.Audio.fromObject(d.audio, q + 1);
                }
                if (d.tensor != null) {
                    if (!$util.isObject(d.tensor))
                        throw $TypeError(".tensorboard.Summary.Value.tensor: object expected");
                    m.tensor = $root.tensorboard.TensorProto.fromObject(d.tensor, q + 1);
                }
                return m;
            };

            Value.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.tag = "";
                    d.nodeName = "";
                    d.metadata = null;
                }
                if (m.tag != null && $Object.hasOwnProperty.call(m, "tag")) {
                    d.tag = m.tag;
                }
                if (m.simpleValue != null && $Object.hasOwnProperty.call(m, "simpleValue")) {
                    d.simpleValue = o.json && !$isFinite(m.simpleValue) ? $String(m.simpleValue) : m.simpleValue;
                    if (o.oneofs)
                        d.value = "simpleValue";
                }
                if (m.obsoleteOldStyleHistogram != null && $Object.hasOwnProperty.call(m, "obsoleteOldStyleHistogram")) {
                    d.obsoleteOldStyleHistogram = o.bytes === $String ? $util.base64.encode(m.obsoleteOldStyleHistogram, 0, m.obsoleteOldStyleHistogram.length) : o.bytes === $Array ? $Array.prototype.slice.call(m.obsoleteOldStyleHistogram) : m.obsoleteOldStyleHistogram;
                    if (o.oneofs)
                        d.value = "obsoleteOldStyleHistogram";
                }
                if (m.image != null && $Object.hasOwnProperty.call(m, "image")) {
                    d.image = $root.tensorboard.Summary.Image.toObject(m.image, o, q + 1);
                    if (o.oneofs)
                        d.value = "image";
                }
                if (m.histo != null && $Object.hasOwnProperty.call(m, "histo")) {
                    d.histo = $root.tensorboard.HistogramProto.toObject(m.histo, o, q + 1);
                    if (o.oneofs)
                        d.value = "histo";
                }
                if (m.audio != null && $Object.hasOwnProperty.call(m, "audio")) {
                    d.audio = $root.tensorboard.Summary.Audio.toObject(m.audio, o, q + 1);
                    if (o.oneofs)
                        d.value = "audio";
                }
                if (m.nodeName != null && $Object.hasOwnProperty.call(m, "nodeName")) {
                    d.nodeName = m.nodeName;
                }
                if (m.tensor != null && $Object.hasOwnProperty.call(m, "tensor")) {
                    d.tensor = $root.tensorboard.TensorProto.toObject(m.tensor, o, q + 1);
                    if (o.oneofs)
                        d.value = "tensor";
                }
                if (m.metadata != null && $Object.hasOwnProperty.call(m, "metadata")) {
                    d.metadata = $root.tensorboard.SummaryMetadata.toObject(m.metadata, o, q + 1);
                }
                return d;
            };

            Value.prototype.toJSON = function() {
                return Value.toObject(this, $protobuf.util.toJSONOptions);
            };

            return Value;
        })();

        return Summary;
    })();

    tensorboard.HistogramProto = (function() {

        const HistogramProto = function (p) {
            this.bucketLimit = [];
            this.bucket = [];
            if (p)
                for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                    if (p[ks[i]] != null && ks[i] !== "__proto__")
                        this[ks[i]] = p[ks[i]];
        };

        HistogramProto.prototype.min = 0;
        HistogramProto.prototype.max = 0;
        HistogramProto.prototype.num = 0;
        HistogramProto.prototype.sum = 0;
        HistogramProto.prototype.sumSquares = 0;
        HistogramProto.prototype.bucketLimit = $util.emptyArray;
        HistogramProto.prototype.bucket = $util.emptyArray;

        HistogramProto.create = function(properties) {
            return new HistogramProto(properties);
        };

        HistogramProto.encode = function (m, w, q) {
            if (!w)
                w = $Writer.create();
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (m.min != null && $Object.hasOwnProperty.call(m, "min") && !$Object.is(m.min, 0))
                w.uint32(9).double(m.min);
            if (m.max != null && $Object.hasOwnProperty.call(m, "max") && !$Object.is(m.max, 0))
                w.uint32(17).double(m.max);
            if (m.num != null && $Object.hasOwnProperty.call(m, "num") && !$Object.is(m.num, 0))
                w.uint32(25).double(m.num);
            if (m.sum != null && $Object.hasOwnProperty.call(m, "sum") && !$Object.is(m.sum, 0))
                w.uint32(33).double(m.sum);
            if (m.sumSquares != null && $Object.hasOwnProperty.call(m, "sumSquares") && !$Object.is(m.sumSquares, 0))
                w.uint32(41).double(m.sumSquares);
            if (m.bucketLimit != null && m.bucketLimit.length) {
                w.uint32(50).doubles(m.bucketLimit);
            }
            if (m.bucket != null && m.bucket.length) {
                w.uint32(58).doubles(m.bucket);
            }
            if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                for (var i = 0; i < m.$unknowns.length; ++i)
                    w.raw(m.$unknowns[i]);
            return w;
        };

        HistogramProto.decode = function (r, l, z, q, g) {
            if (!(r instanceof $Reader))
                r = $Reader.create(r);
            if (q === $undefined)
                q = 0;
            if (q > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            var c, m, v;
            if (l === $undefined)
                c = r.len;
            else {
                c = r.pos + l;
                if (c > r.len)
                    throw $RangeError("index out of range");
                l = r.len;
                r.len = c;
            }
            m = g || new $root.tensorboard.HistogramProto();
            while (r.pos < c) {
                var s = r.pos;
                var t = r.tag();
                if (t === z) {
                    z = $undefined;
                    break;
                }
                var u = t & 7;
                switch (t >>>= 3) {
                case 1: {
                        if (u !== 1)
                            break;
                        if (!$Object.is(v = r.double(), 0))
                            m.min = v;
                        else
                            delete m.min;
                        continue;
                    }
                case 2: {
                        if (u !== 1)
                            break;
                        if (!$Object.is(v = r.double(), 0))
                            m.max = v;
                        else
                            delete m.max;
                        continue;
                    }
                case 3: {
                        if (u !== 1)
                            break;
                        if (!$Object.is(v = r.double(), 0))
                            m.num = v;
                        else
                            delete m.num;
                        continue;
                    }
                case 4: {
                        if (u !== 1)
                            break;
                        if (!$Object.is(v = r.double(), 0))
                            m.sum = v;
                        else
                            delete m.sum;
                        continue;
                    }
                case 5: {
                        if (u !== 1)
                            break;
                        if (!$Object.is(v = r.double(), 0))
                            m.sumSquares = v;
                        else
                            delete m.sumSquares;
                        continue;
                    }
                case 6: {
                        if (u === 2) {
                            if (!(m.bucketLimit && m.bucketLimit.length))
                                m.bucketLimit = [];
                            r.doubles(m.bucketLimit);
                            continue;
                        }
                        if (u !== 1)
                            break;
                        if (!(m.bucketLimit && m.bucketLimit.length))
                            m.bucketLimit = [];
                        m.bucketLimit.push(r.double());
                        continue;
                    }
                case 7: {
                        if (u === 2) {
                            if (!(m.bucket && m.bucket.length))
                                m.bucket = [];
                            r.doubles(m.bucket);
                            continue;
                        }
                        if (u !== 1)
                            break;
                        if (!(m.bucket && m.bucket.length))
                            m.bucket = [];
                        m.bucket.push(r.double());
                        continue;
                    }
                }
                r.skipType(u, q, t);
                if (!r.discardUnknown) {
                    $util.makeProp(m, "$unknowns", false);
                    (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                }
            }
            if (l !== $undefined) {
                if (r.pos !== c)
                    throw $RangeError("index out of range");
                r.len = l;
            }
            if (z !== $undefined)
                throw $Error("missing end group");
            return m;
        };

        HistogramProto.fromObject = function (d, q) {
            if (d instanceof $root.tensorboard.HistogramProto)
                return d;
            if (!$util.isObject(d))
                throw $TypeError(".tensorboard.HistogramProto: object expected");
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var m = new $root.tensorboard.HistogramProto();
            if (d.min != null) {
                if (!$Object.is($Number(d.min), 0)) {
                    m.min = $Number(d.min);
                }
            }
            if (d.max != null) {
                if (!$Object.is($Number(d.max), 0)) {
                    m.max = $Number(d.max);
                }
            }
            if (d.num != null) {
                if (!$Object.is($Number(d.num), 0)) {
                    m.num = $Number(d.num);
                }
            }
            if (d.sum != null) {
                if (!$Object.is($Number(d.sum), 0)) {
                    m.sum = $Number(d.sum);
                }
            }
            if (d.sumSquares != null) {
                if (!$Object.is($Number(d.sumSquares), 0)) {
                    m.sumSquares = $Number(d.sumSquares);
                }
            }
            if (d.bucketLimit) {
                if (!$Array.isArray(d.bucketLimit))
                    throw $TypeError(".tensorboard.HistogramProto.bucketLimit: array expected");
                m.bucketLimit = $Array(d.bucketLimit.length);
                for (var i = 0; i < d.bucketLimit.length; ++i) {
                    m.bucketLimit[i] = $Number(d.bucketLimit[i]);
                }
            }
            if (d.bucket) {
                if (!$Array.isArray(d.bucket))
                    throw $TypeError(".tensorboard.HistogramProto.bucket: array expected");
                m.bucket = $Array(d.bucket.length);
                for (var i = 0; i < d.bucket.length; ++i) {
                    m.bucket[i] = $Number(d.bucket[i]);
                }
            }
            return m;
        };

        HistogramProto.toObject = function (m, o, q) {
            if (!o)
                o = {};
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var d = {};
            if (o.arrays || o.defaults) {
                d.bucketLimit = [];
                d.bucket = [];
            }
            if (o.defaults) {
                d.min = 0;
                d.max = 0;
                d.num = 0;
                d.sum = 0;
                d.sumSquares = 0;
            }
            if (m.min != null && $Object.hasOwnProperty.call(m, "min")) {
                d.min = o.json && !$isFinite(m.min) ? $String(m.min) : m.min;
            }
            if (m.max != null && $Object.hasOwnProperty.call(m, "max")) {
                d.max = o.json && !$isFinite(m.max) ? $String(m.max) : m.max;
            }
            if (m.num != null && $Object.hasOwnProperty.call(m, "num")) {
                d.num = o.json && !$isFinite(m.num) ? $String(m.num) : m.num;
            }
            if (m.sum != null && $Object.hasOwnProperty.call(m, "sum")) {
                d.sum = o.json && !$isFinite(m.sum) ? $String(m.sum) : m.sum;
            }
            if (m.sumSquares != null && $Object.hasOwnProperty.call(m, "sumSquares")) {
                d.sumSquares = o.json && !$isFinite(m.sumSquares) ? $String(m.sumSquares) : m.sumSquares;
            }
            if (m.bucketLimit && m.bucketLimit.length) {
                d.bucketLimit = $Array(m.bucketLimit.length);
                for (var j = 0; j < m.bucketLimit.length; ++j) {
                    d.bucketLimit[j] = o.json && !$isFinite(m.bucketLimit[j]) ? $String(m.bucketLimit[j]) : m.bucketLimit[j];
                }
            }
            if (m.bucket && m.bucket.length) {
                d.bucket = $Array(m.bucket.length);
                for (var j = 0; j < m.bucket.length; ++j) {
                    d.bucket[j] = o.json && !$isFinite(m.bucket[j]) ? $String(m.bucket[j]) : m.bucket[j];
                }
            }
            return d;
        };

        HistogramProto.prototype.toJSON = function() {
            return HistogramProto.toObject(this, $protobuf.util.toJSONOptions);
        };

        return HistogramProto;
    })();

    tensorboard.DataType = (function() {
        const valuesById = $Object.create(null), values = $Object.create(valuesById);
        values[valuesById[0] = "DT_INVALID"] = 0;
        values[valuesById[1] = "DT_FLOAT"] = 1;
        values[valuesById[2] = "DT_DOUBLE"] = 2;
        values[valuesById[3] = "DT_INT32"] = 3;
        values[valuesById[4] = "DT_UINT8"] = 4;
        values[valuesById[5] = "DT_INT16"] = 5;
        values[valuesById[6] = "DT_INT8"] = 6;
        values[valuesById[7] = "DT_STRING"] = 7;
        values[valuesById[9] = "DT_INT64"] = 9;
        values[valuesById[10] = "DT_BOOL"] = 10;
        values[valuesById[19] = "DT_HALF"] = 19;
        return values;
    })();

    tensorboard.TensorShapeProto = (function() {

        const TensorShapeProto = function (p) {
            this.dim = [];
            if (p)
                for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                    if (p[ks[i]] != null && ks[i] !== "__proto__")
                        this[ks[i]] = p[ks[i]];
        };

        TensorShapeProto.prototype.dim = $util.emptyArray;
        TensorShapeProto.prototype.unknownRank = false;

        TensorShapeProto.create = function(properties) {
            return new TensorShapeProto(properties);
        };

        TensorShapeProto.encode = function (m, w, q) {
            if (!w)
                w = $Writer.create();
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (m.dim != null && m.dim.length) {
                for (var i = 0; i < m.dim.length; ++i)
                    $root.tensorboard.TensorShapeProto.Dim.encode(m.dim[i], w.uint32(18).fork(), q + 1).ldelim();
            }
            if (m.unknownRank != null && $Object.hasOwnProperty.call(m, "unknownRank") && m.unknownRank !== false)
                w.uint32(24).bool(m.unknownRank);
            if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                for (var i = 0; i < m.$unknowns.length; ++i)
                    w.raw(m.$unknowns[i]);
            return w;
        };

        TensorShapeProto.decode = function (r, l, z, q, g) {
            if (!(r instanceof $Reader))
                r = $Reader.create(r);
            if (q === $undefined)
                q = 0;
            if (q > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            var c, m, v;
            if (l === $undefined)
                c = r.len;
            else {
                c = r.pos + l;
                if (c > r.len)
                    throw $RangeError("index out of range");
                l = r.len;
                r.len = c;
            }
            m = g || new $root.tensorboard.TensorShapeProto();
            while (r.pos < c) {
                var s = r.pos;
                var t = r.tag();
                if (t === z) {
                    z = $undefined;
                    break;
                }
                var u = t & 7;
                switch (t >>>= 3) {
                case 2: {
                        if (u !== 2)
                            break;
                        if (!(m.dim && m.dim.length))
                            m.dim = [];
                        m.dim.push($root.tensorboard.TensorShapeProto.Dim.decode(r, r.size(), $undefined, q + 1));
                        continue;
                    }
                case 3: {
                        if (u !== 0)
                            break;
                        if (v = r.bool())
                            m.unknownRank = v;
                        else
                            delete m.unknownRank;
                        continue;
                    }
                }
                r.skipType(u, q, t);
                if (!r.discardUnknown) {
                    $util.makeProp(m, "$unknowns", false);
                    (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                }
            }
            if (l !== $undefined) {
                if (r.pos !== c)
                    throw $RangeError("index out of range");
                r.len = l;
            }
            if (z !== $undefined)
                throw $Error("missing end group");
            return m;
        };

        TensorShapeProto.fromObject = function (d, q) {
            if (d instanceof $root.tensorboard.TensorShapeProto)
                return d;
            if (!$util.isObject(d))
                throw $TypeError(".tensorboard.TensorShapeProto: object expected");
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var m = new $root.tensorboard.TensorShapeProto();
            if (d.dim) {
                if (!$Array.isArray(d.dim))
                    throw $TypeError(".tensorboard.TensorShapeProto.dim: array expected");
                m.dim = $Array(d.dim.length);
                for (var i = 0; i < d.dim.length; ++i) {
                    if (!$util.isObject(d.dim[i]))
                        throw $TypeError(".tensorboard.TensorShapeProto.dim: object expected");
                    m.dim[i] = $root.tensorboard.TensorShapeProto.Dim.fromObject(d.dim[i], q + 1);
                }
            }
            if (d.unknownRank != null) {
                if (d.unknownRank) {
                    m.unknownRank = $Boolean(d.unknownRank);
                }
            }
            return m;
        };

        TensorShapeProto.toObject = function (m, o, q) {
            if (!o)
                o = {};
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var d = {};
            if (o.arrays || o.defaults) {
                d.dim = [];
            }
            if (o.defaults) {
                d.unknownRank = false;
            }
            if (m.dim && m.dim.length) {
                d.dim = $Array(m.dim.length);
                for (var j = 0; j < m.dim.length; ++j) {
                    d.dim[j] = $root.tensorboard.TensorShapeProto.Dim.toObject(m.dim[j], o, q + 1);
                }
            }
            if (m.unknownRank != null && $Object.hasOwnProperty.call(m, "unknownRank")) {
                d.unknownRank = m.unknownRank;
            }
            return d;
        };

        TensorShapeProto.prototype.toJSON = function() {
            return TensorShapeProto.toObject(this, $protobuf.util.toJSONOptions);
        };

        TensorShapeProto.Dim = (function() {

            const Dim = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            Dim.prototype.size = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
            Dim.prototype.name = "";

            Dim.create = function(properties) {
                return new Dim(properties);
            };

            Dim.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.size != null && $Object.hasOwnProperty.call(m, "size") && (typeof m.size === "object" ? m.size.low || m.size.high : m.size !== 0))
                    w.uint32(8).int64(m.size);
                if (m.name != null && $Object.hasOwnProperty.call(m, "name") && m.name !== "")
                    w.uint32(18).string(m.name);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            Dim.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.tensorboard.TensorShapeProto.Dim();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.int64()) === "object" ? v.low || v.high : v !== 0)
                                m.size = v;
                            else
                                delete m.size;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.name = v;
                            else
                                delete m.name;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            Dim.fromObject = function (d, q) {
                if (d instanceof $root.tensorboard.TensorShapeProto.Dim)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".tensorboard.TensorShapeProto.Dim: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.tensorboard.TensorShapeProto.Dim();
                if (d.size != null) {
                    if (typeof d.size === "object" ? d.size.low || d.size.high : $Number(d.size) !== 0) {
                        if ($util.Long)
                            m.size = $util.Long.fromValue(d.size, false);
                        else if (typeof d.size === "string")
                            m.size = $parseInt(d.size, 10);
                        else if (typeof d.size === "number")
                            m.size = d.size;
                        else if (typeof d.size === "object")
                            m.size = new $util.LongBits(d.size.low >>> 0, d.size.high >>> 0).toNumber();
                    }
                }
                if (d.name != null) {
                    if (typeof d.name !== "string" || d.name.length) {
                        m.name = $String(d.name);
                    }
                }
                return m;
            };

            Dim.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, false);
                        d.size = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.size = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    d.name = "";
                }
                if (m.size != null && $Object.hasOwnProperty.call(m, "size")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.size = typeof m.size === "number" ? $BigInt(m.size) : $util.Long.fromBits(m.size.low >>> 0, m.size.high >>> 0, false).toBigInt();
                    else if (typeof m.size === "number")
                        d.size = o.longs === $String ? $String(m.size) : m.size;
                    else
                        d.size = o.longs === $String ? $util.Long.prototype.toString.call(m.size) : o.longs === $Number ? new $util.LongBits(m.size.low >>> 0, m.size.high >>> 0).toNumber() : m.size;
                }
                if (m.name != null && $Object.hasOwnProperty.call(m, "name")) {
                    d.name = m.name;
                }
                return d;
            };

            Dim.prototype.toJSON = function() {
                return Dim.toObject(this, $protobuf.util.toJSONOptions);
            };

            return Dim;
        })();

        return TensorShapeProto;
    })();

    tensorboard.TensorProto = (function() {

        const TensorProto = function (p) {
            this.floatVal = [];
            this.doubleVal = [];
            this.intVal = [];
            this.stringVal = [];
            this.int64Val = [];
            this.boolVal = [];
            this.halfVal = [];
            if (p)
                for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                    if (p[ks[i]] != null && ks[i] !== "__proto__")
                        this[ks[i]] = p[ks[i]];
        };

        TensorProto.prototype.dtype = 0;
        TensorProto.prototype.tensorShape = null;
        TensorProto.prototype.versionNumber = 0;
        TensorProto.prototype.tensorContent = $util.newBuffer([]);
        TensorProto.prototype.floatVal = $util.emptyArray;
        TensorProto.prototype.doubleVal = $util.emptyArray;
        TensorProto.prototype.intVal = $util.emptyArray;
        TensorProto.prototype.stringVal = $util.emptyArray;
        TensorProto.prototype.int64Val = $util.emptyArray;
        TensorProto.prototype.boolVal = $util.emptyArray;
        TensorProto.prototype.halfVal = $util.emptyArray;

        TensorProto.create = function(properties) {
            return new TensorProto(properties);
        };

        TensorProto.encode = function (m, w, q) {
            if (!w)
                w = $Writer.create();
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (m.dtype != null && $Object.hasOwnProperty.call(m, "dtype") && m.dtype !== 0)
                w.uint32(8).int32(m.dtype);
            if (m.tensorShape != null && $Object.hasOwnProperty.call(m, "tensorShape"))
                $root.tensorboard.TensorShapeProto.encode(m.tensorShape, w.uint32(18).fork(), q + 1).ldelim();
            if (m.versionNumber != null && $Object.hasOwnProperty.call(m, "versionNumber") && m.versionNumber !== 0)
                w.uint32(24).int32(m.versionNumber);
            if (m.tensorContent != null && $Object.hasOwnProperty.call(m, "tensorContent") && m.tensorContent.length)
                w.uint32(34).bytes(m.tensorContent);
            if (m.floatVal != null && m.floatVal.length) {
                w.uint32(42).floats(m.floatVal);
            }
            if (m.doubleVal != null && m.doubleVal.length) {
                w.uint32(50).doubles(m.doubleVal);
            }
            if (m.intVal != null && m.intVal.length) {
                w.uint32(58).int32s(m.intVal);
            }
            if (m.stringVal != null && m.stringVal.length) {
                for (var i = 0; i < m.stringVal.length; ++i)
                    w.uint32(66).bytes(m.stringVal[i]);
            }
            if (m.int64Val != null && m.int64Val.length) {
                w.uint32(82).int64s(m.int64Val);
            }
            if (m.boolVal != null && m.boolVal.length) {
                w.uint32(90).bools(m.boolVal);
            }
            if (m.halfVal != null && m.halfVal.length) {
                w.uint32(106).int32s(m.halfVal);
            }
            if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                for (var i = 0; i < m.$unknowns.length; ++i)
                    w.raw(m.$unknowns[i]);
            return w;
        };

        TensorProto.decode = function (r, l, z, q, g) {
            if (!(r instanceof $Reader))
                r = $Reader.create(r);
            if (q === $undefined)
                q = 0;
            if (q > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            var c, m, v;
            if (l === $undefined)
                c = r.len;
            else {
                c = r.pos + l;
                if (c > r.len)
                    throw $RangeError("index out of range");
                l = r.len;
                r.len = c;
            }
            m = g || new $root.tensorboard.TensorProto();
            while (r.pos < c) {
                var s = r.pos;
                var t = r.tag();
                if (t === z) {
                    z = $undefined;
                    break;
                }
                var u = t & 7;
                switch (t >>>= 3) {
                case 1: {
                        if (u !== 0)
                            break;
                        if (v = r.int32())
                            m.dtype = v;
                        else
                            delete m.dtype;
                        continue;
                    }
                case 2: {
                        if (u !== 2)
                            break;
                        m.tensorShape = $root.tensorboard.TensorShapeProto.decode(r, r.size(), $undefined, q + 1, m.tensorShape);
                        continue;
                    }
                case 3: {
                        if (u !== 0)
                            break;
                        if (v = r.int32())
                            m.versionNumber = v;
                        else
                            delete m.versionNumber;
                        continue;
                    }
                case 4: {
                        if (u !== 2)
                            break;
                        if ((v = r.bytes()).length)
                            m.tensorContent = v;
                        else
                            delete m.tensorContent;
                        continue;
                    }
                case 5: {
                        if (u === 2) {
                            if (!(m.floatVal && m.floatVal.length))
                                m.floatVal = [];
                            r.floats(m.floatVal);
                            continue;
                        }
                        if (u !== 5)
                            break;
                        if (!(m.floatVal && m.floatVal.length))
                            m.floatVal = [];
                        m.floatVal.push(r.float());
                        continue;
                    }
                case 6: {
                        if (u === 2) {
                            if (!(m.doubleVal && m.doubleVal.length))
                                m.doubleVal = [];
                            r.doubles(m.doubleVal);
                            continue;
                        }
                        if (u !== 1)
                            break;
                        if (!(m.doubleVal && m.doubleVal.length))
                            m.doubleVal = [];
                        m.doubleVal.push(r.double());
                        continue;
                    }
                case 7: {
                        if (u === 2) {
                            if (!(m.intVal && m.intVal.length))
                                m.intVal = [];
                            r.int32s(m.intVal);
                            continue;
                        }
                        if (u !== 0)
                            break;
                        if (!(m.intVal && m.intVal.length))
                            m.intVal = [];
                        m.intVal.push(r.int32());
                        continue;
                    }
                case 8: {
                        if (u !== 2)
                            break;
                        if (!(m.stringVal && m.stringVal.length))
                            m.stringVal = [];
                        m.stringVal.push(r.bytes());
                        continue;
                    }
                case 10: {
                        if (u === 2) {
                            if (!(m.int64Val && m.int64Val.length))
                                m.int64Val = [];
                            r.int64s(m.int64Val);
                            continue;
                        }
                        if (u !== 0)
                            break;
                        if (!(m.int64Val && m.int64Val.length))
                            m.int64Val = [];
                        m.int64Val.push(r.int64());
                        continue;
                    }
                case 11: {
                        if (u === 2) {
                            if (!(m.boolVal && m.boolVal.length))
                                m.boolVal = [];
                            r.bools(m.boolVal);
                            continue;
                        }
                        if (u !== 0)
                            break;
                        if (!(m.boolVal && m.boolVal.length))
                            m.boolVal = [];
                        m.boolVal.push(r.bool());
                        continue;
                    }
                case 13: {
                        if (u === 2) {
                            if (!(m.halfVal && m.halfVal.length))
                                m.halfVal = [];
                            r.int32s(m.halfVal);
                            continue;
                        }
                        if (u !== 0)
                            break;
                        if (!(m.halfVal && m.halfVal.length))
                            m.halfVal = [];
                        m.halfVal.push(r.int32());
                        continue;
                    }
                }
                r.skipType(u, q, t);
                if (!r.discardUnknown) {
                    $util.makeProp(m, "$unknowns", false);
                    (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                }
            }
            if (l !== $undefined) {
                if (r.pos !== c)
                    throw $RangeError("index out of range");
                r.len = l;
            }
            if (z !== $undefined)
                throw $Error("missing end group");
            return m;
        };

        TensorProto.fromObject = function (d, q) {
            if (d instanceof $root.tensorboard.TensorProto)
                return d;
            if (!$util.isObject(d))
                throw $TypeError(".tensorboard.TensorProto: object expected");
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var m = new $root.tensorboard.TensorProto();
            if (d.dtype !== 0 && (typeof d.dtype !== "string" || $root.tensorboard.DataType[d.dtype] !== 0)) {
                switch (d.dtype) {
                case "DT_INVALID":
                case 0:
                    m.dtype = 0;
                    break;
                case "DT_FLOAT":
                case 1:
                    m.dtype = 1;
                    break;
                case "DT_DOUBLE":
                case 2:
                    m.dtype = 2;
                    break;
                case "DT_INT32":
                case 3:
                    m.dtype = 3;
                    break;
                case "DT_UINT8":
                case 4:
                    m.dtype = 4;
                    break;
                case "DT_INT16":
                case 5:
                    m.dtype = 5;
                    break;
                case "DT_INT8":
                case 6:
                    m.dtype = 6;
                    break;
                case "DT_STRING":
                case 7:
                    m.dtype = 7;
                    break;
                case "DT_INT64":
                case 9:
                    m.dtype = 9;
                    break;
                case "DT_BOOL":
                case 10:
                    m.dtype = 10;
                    break;
                case "DT_HALF":
                case 19:
                    m.dtype = 19;
                    break;
                default:
                    if (typeof d.dtype === "number" && (d.dtype | 0) === d.dtype)
                        m.dtype = d.dtype;
                }
            }
            if (d.tensorShape != null) {
                if (!$util.isObject(d.tensorShape))
                    throw $TypeError(".tensorboard.TensorProto.tensorShape: object expected");
                m.tensorShape = $root.tensorboard.TensorShapeProto.fromObject(d.tensorShape, q + 1);
            }
            if (d.versionNumber != null) {
                if ($Number(d.versionNumber) !== 0) {
                    m.versionNumber = d.versionNumber | 0;
                }
            }
            if (d.tensorContent != null) {
                if (d.tensorContent.length) {
                    if (typeof d.tensorContent === "string")
                        $util.base64.decode(d.tensorContent, m.tensorContent = $util.newBuffer($util.base64.length(d.tensorContent)), 0);
                    else if (d.tensorContent.length >= 0)
                        m.tensorContent = d.tensorContent;
                }
            }
            if (d.floatVal) {
                if (!$Array.isArray(d.floatVal))
                    throw $TypeError(".tensorboard.TensorProto.floatVal: array expected");
                m.floatVal = $Array(d.floatVal.length);
                for (var i = 0; i < d.floatVal.length; ++i) {
                    m.floatVal[i] = $Number(d.floatVal[i]);
                }
            }
            if (d.doubleVal) {
                if (!$Array.isArray(d.doubleVal))
                    throw $TypeError(".tensorboard.TensorProto.doubleVal: array expected");
                m.doubleVal = $Array(d.doubleVal.length);
                for (var i = 0; i < d.doubleVal.length; ++i) {
                    m.doubleVal[i] = $Number(d.doubleVal[i]);
                }
            }
            if (d.intVal) {
                if (!$Array.isArray(d.intVal))
                    throw $TypeError(".tensorboard.TensorProto.intVal: array expected");
                m.intVal = $Array(d.intVal.length);
                for (var i = 0; i < d.intVal.length; ++i) {
                    m.intVal[i] = d.intVal[i] | 0;
                }
            }
            if (d.stringVal) {
                if (!$Array.isArray(d.stringVal))
                    throw $TypeError(".tensorboard.TensorProto.stringVal: array expected");
                m.stringVal = $Array(d.stringVal.length);
                for (var i = 0; i < d.stringVal.length; ++i) {
                    if (typeof d.stringVal[i] === "string")
                        $util.base64.decode(d.stringVal[i], m.stringVal[i] = $util.newBuffer($util.base64.length(d.stringVal[i])), 0);
                    else if (d.stringVal[i].length >= 0)
                        m.stringVal[i] = d.stringVal[i];
                }
            }
            if (d.int64Val) {
                if (!$Array.isArray(d.int64Val))
                    throw $TypeError(".tensorboard.TensorProto.int64Val: array expected");
                m.int64Val = $Array(d.int64Val.length);
                for (var i = 0; i < d.int64Val.length; ++i) {
                    if ($util.Long)
                        m.int64Val[i] = $util.Long.fromValue(d.int64Val[i], false);
                    else if (typeof d.int64Val[i] === "string")
                        m.int64Val[i] = $parseInt(d.int64Val[i], 10);
                    else if (typeof d.int64Val[i] === "number")
                        m.int64Val[i] = d.int64Val[i];
                    else if (typeof d.int64Val[i] === "object")
                        m.int64Val[i] = new $util.LongBits(d.int64Val[i].low >>> 0, d.int64Val[i].high >>> 0).toNumber();
                }
            }
            if (d.boolVal) {
                if (!$Array.isArray(d.boolVal))
                    throw $TypeError(".tensorboard.TensorProto.boolVal: array expected");
                m.boolVal = $Array(d.boolVal.length);
                for (var i = 0; i < d.boolVal.length; ++i) {
                    m.boolVal[i] = $Boolean(d.boolVal[i]);
                }
            }
            if (d.halfVal) {
                if (!$Array.isArray(d.halfVal))
                    throw $TypeError(".tensorboard.TensorProto.halfVal: array expected");
                m.halfVal = $Array(d.halfVal.length);
                for (var i = 0; i < d.halfVal.length; ++i) {
                    m.halfVal[i] = d.halfVal[i] | 0;
                }
            }
            return m;
        };

        TensorProto.toObject = function (m, o, q) {
            if (!o)
                o = {};
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var d = {};
            if (o.arrays || o.defaults) {
                d.floatVal = [];
                d.doubleVal = [];
                d.intVal = [];
                d.stringVal = [];
                d.int64Val = [];
                d.boolVal = [];
                d.halfVal = [];
            }
            if (o.defaults) {
                d.dtype = o.enums === $String ? "DT_INVALID" : 0;
                d.tensorShape = null;
                d.versionNumber = 0;
                if (o.bytes === $String)
                    d.tensorContent = "";
                else {
                    d.tensorContent = [];
                    if (o.bytes !== $Array)
                        d.tensorContent = $util.newBuffer(d.tensorContent);
                }
            }
            if (m.dtype != null && $Object.hasOwnProperty.call(m, "dtype")) {
                d.dtype = o.enums === $String ? $root.tensorboard.DataType[m.dtype] === $undefined ? m.dtype : $root.tensorboard.DataType[m.dtype] : m.dtype;
            }
            if (m.tensorShape != null && $Object.hasOwnProperty.call(m, "tensorShape")) {
                d.tensorShape = $root.tensorboard.TensorShapeProto.toObject(m.tensorShape, o, q + 1);
            }
            if (m.versionNumber != null && $Object.hasOwnProperty.call(m, "versionNumber")) {
                d.versionNumber = m.versionNumber;
            }
            if (m.tensorContent != null && $Object.hasOwnProperty.call(m, "tensorContent")) {
                d.tensorContent = o.bytes === $String ? $util.base64.encode(m.tensorContent, 0, m.tensorContent.length) : o.bytes === $Array ? $Array.prototype.slice.call(m.tensorContent) : m.tensorContent;
            }
            if (m.floatVal && m.floatVal.length) {
                d.floatVal = $Array(m.floatVal.length);
                for (var j = 0; j < m.floatVal.length; ++j) {
                    d.floatVal[j] = o.json && !$isFinite(m.floatVal[j]) ? $String(m.floatVal[j]) : m.floatVal[j];
                }
            }
            if (m.doubleVal && m.doubleVal.length) {
                d.doubleVal = $Array(m.doubleVal.length);
                for (var j = 0; j < m.doubleVal.length; ++j) {
                    d.doubleVal[j] = o.json && !$isFinite(m.doubleVal[j]) ? $String(m.doubleVal[j]) : m.doubleVal[j];
                }
            }
            if (m.intVal && m.intVal.length) {
                d.intVal = $Array(m.intVal.length);
                for (var j = 0; j < m.intVal.length; ++j) {
                    d.intVal[j] = m.intVal[j];
                }
            }
            if (m.stringVal && m.stringVal.length) {
                d.stringVal = $Array(m.stringVal.length);
                for (var j = 0; j < m.stringVal.length; ++j) {
                    d.stringVal[j] = o.bytes === $String ? $util.base64.encode(m.stringVal[j], 0, m.stringVal[j].length) : o.bytes === $Array ? $Array.prototype.slice.call(m.stringVal[j]) : m.stringVal[j];
                }
            }
            if (m.int64Val && m.int64Val.length) {
                d.int64Val = $Array(m.int64Val.length);
                for (var j = 0; j < m.int64Val.length; ++j) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.int64Val[j] = typeof m.int64Val[j] === "number" ? $BigInt(m.int64Val[j]) : $util.Long.fromBits(m.int64Val[j].low >>> 0, m.int64Val[j].high >>> 0, false).toBigInt();
                    else if (typeof m.int64Val[j] === "number")
                        d.int64Val[j] = o.longs === $String ? $String(m.int64Val[j]) : m.int64Val[j];
                    else
                        d.int64Val[j] = o.longs === $String ? $util.Long.prototype.toString.call(m.int64Val[j]) : o.longs === $Number ? new $util.LongBits(m.int64Val[j].low >>> 0, m.int64Val[j].high >>> 0).toNumber() : m.int64Val[j];
                }
            }
            if (m.boolVal && m.boolVal.length) {
                d.boolVal = $Array(m.boolVal.length);
                for (var j = 0; j < m.boolVal.length; ++j) {
                    d.boolVal[j] = m.boolVal[j];
                }
            }
            if (m.halfVal && m.halfVal.length) {
                d.halfVal = $Array(m.halfVal.length);
                for (var j = 0; j < m.halfVal.length; ++j) {
                    d.halfVal[j] = m.halfVal[j];
                }
            }
            return d;
        };

        TensorProto.prototype.toJSON = function() {
            return TensorProto.toObject(this, $protobuf.util.toJSONOptions);
        };

        return TensorProto;
    })();

    tensorboard.hparams = (function() {

        const hparams = {};

        hparams.DataType = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "DATA_TYPE_UNSET"] = 0;
            values[valuesById[1] = "DATA_TYPE_STRING"] = 1;
            values[valuesById[2] = "DATA_TYPE_BOOL"] = 2;
            values[valuesById[3] = "DATA_TYPE_FLOAT64"] = 3;
            return values;
        })();

        hparams.DatasetType = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "DATASET_UNKNOWN"] = 0;
            values[valuesById[1] = "DATASET_TRAINING"] = 1;
            values[valuesById[2] = "DATASET_VALIDATION"] = 2;
            return values;
        })();

        hparams.Status = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "STATUS_UNKNOWN"] = 0;
            values[valuesById[1] = "STATUS_SUCCESS"] = 1;
            values[valuesById[2] = "STATUS_FAILURE"] = 2;
            values[valuesById[3] = "STATUS_RUNNING"] = 3;
            return values;
        })();

        hparams.Interval = (function() {

            const Interval = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            Interval.prototype.minValue = 0;
            Interval.prototype.maxValue = 0;

            Interval.create = function(properties) {
                return new Interval(properties);
            };

            Interval.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.minValue != null && $Object.hasOwnProperty.call(m, "minValue") && !$Object.is(m.minValue, 0))
                    w.uint32(9).double(m.minValue);
                if (m.maxValue != null && $Object.hasOwnProperty.call(m, "maxValue") && !$Object.is(m.maxValue, 0))
                    w.uint32(17).double(m.maxValue);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            Interval.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.tensorboard.hparams.Interval();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 1)
                                break;
                            if (!$Object.is(v = r.double(), 0))
                                m.minValue = v;
                            else
                                delete m.minValue;
                            continue;
                        }
                    case 2: {
                            if (u !== 1)
                                break;
                            if (!$Object.is(v = r.double(), 0))
                                m.maxValue = v;
                            else
                                delete m.maxValue;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            Interval.fromObject = function (d, q) {
                if (d instanceof $root.tensorboard.hparams.Interval)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".tensorboard.hparams.Interval: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.tensorboard.hparams.Interval();
                if (d.minValue != null) {
                    if (!$Object.is($Number(d.minValue), 0)) {
                        m.minValue = $Number(d.minValue);
                    }
                }
                if (d.maxValue != null) {
                    if (!$Object.is($Number(d.maxValue), 0)) {
                        m.maxValue = $Number(d.maxValue);
                    }
                }
                return m;
            };

            Interval.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.minValue = 0;
                    d.maxValue = 0;
                }
                if (m.minValue != null && $Object.hasOwnProperty.call(m, "minValue")) {
                    d.minValue = o.json && !$isFinite(m.minValue) ? $String(m.minValue) : m.minValue;
                }
                if (m.maxValue != null && $Object.hasOwnProperty.call(m, "maxValue")) {
                    d.maxValue = o.json && !$isFinite(m.maxValue) ? $String(m.maxValue) : m.maxValue;
                }
                return d;
            };

            Interval.prototype.toJSON = function() {
                return Interval.toObject(this, $protobuf.util.toJSONOptions);
            };

            return Interval;
        })();

        hparams.HParamInfo = (function() {

            const HParamInfo = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            HParamInfo.prototype.name = "";
            HParamInfo.prototype.displayName = "";
            HParamInfo.prototype.description = "";
            HParamInfo.prototype.type = 0;
            HParamInfo.prototype.domainDiscrete = null;
            HParamInfo.prototype.domainInterval = null;

            let $oneOfFields;

            $Object.defineProperty(HParamInfo.prototype, "domain", {
                get: $util.oneOfGetter($oneOfFields = ["domainDiscrete", "domainInterval"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            HParamInfo.create = function(properties) {
                return new HParamInfo(properties);
            };

            HParamInfo.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.name != null && $Object.hasOwnProperty.call(m, "name") && m.name !== "")
                    w.uint32(10).string(m.name);
                if (m.displayName != null && $Object.hasOwnProperty.call(m, "displayName") && m.displayName !== "")
                    w.uint32(18).string(m.displayName);
                if (m.description != null && $Object.hasOwnProperty.call(m, "description") && m.description !== "")
                    w.uint32(26).string(m.description);
                if (m.type != null && $Object.hasOwnProperty.call(m, "type") && m.type !== 0)
                    w.uint32(32).int32(m.type);
                if (m.domainDiscrete != null && $Object.hasOwnProperty.call(m, "domainDiscrete"))
                    $root.google.protobuf.ListValue.encode(m.domainDiscrete, w.uint32(42).fork(), q + 1).ldelim();
                if (m.domainInterval != null && $Object.hasOwnProperty.call(m, "domainInterval"))
                    $root.tensorboard.hparams.Interval.encode(m.domainInterval, w.uint32(50).fork(), q + 1).ldelim();
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            HParamInfo.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.tensorboard.hparams.HParamInfo();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.name = v;
                            else
                                delete m.name;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.displayName = v;
                            else
                                delete m.displayName;
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.description = v;
                            else
                                delete m.description;
                            continue;
                        }
                    case 4: {
                            if (u !== 0)
                                break;
                            if (v = r.int32())
                                m.type = v;
                            else
                                delete m.type;
                            continue;
                        }
                    case 5: {
                            if (u !== 2)
                                break;
                            m.domainDiscrete = $root.google.protobuf.ListValue.decode(r, r.size(), $undefined, q + 1, m.domainDiscrete);
                            m.domain = "domainDiscrete";
                            continue;
                        }
                    case 6: {
                            if (u !== 2)
                                break;
                            m.domainInterval = $root.tensorboard.hparams.Interval.decode(r, r.size(), $undefined, q + 1, m.domainInterval);
                            m.domain = "domainInterval";
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            HParamInfo.fromObject = function (d, q) {
                if (d instanceof $root.tensorboard.hparams.HParamInfo)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".tensorboard.hparams.HParamInfo: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.tensorboard.hparams.HParamInfo();
                if (d.name != null) {
                    if (typeof d.name !== "string" || d.name.length) {
                        m.name = $String(d.name);
                    }
                }
                if (d.displayName != null) {
                    if (typeof d.displayName !== "string" || d.displayName.length) {
                        m.displayName = $String(d.displayName);
                    }
                }
                if (d.description != null) {
                    if (typeof d.description !== "string" || d.description.length) {
                        m.description = $String(d.description);
                    }
                }
                if (d.type !== 0 && (typeof d.type !== "string" || $root.tensorboard.hparams.DataType[d.type] !== 0)) {
                    switch (d.type) {
                    case "DATA_TYPE_UNSET":
                    case 0:
                        m.type = 0;
                        break;
                    case "DATA_TYPE_STRING":
                    case 1:
                        m.type = 1;
                        break;
                    case "DATA_TYPE_BOOL":
                    case 2:
                        m.type = 2;
                        break;
                    case "DATA_TYPE_FLOAT64":
                    case 3:
                        m.type = 3;
                        break;
                    default:
                        if (typeof d.type === "number" && (d.type | 0) === d.type)
                            m.type = d.type;
                    }
                }
                if (d.domainDiscrete != null) {
                    if (!$util.isObject(d.domainDiscrete))
                        throw $TypeError(".tensorboard.hparams.HParamInfo.domainDiscrete: object expected");
                    m.domainDiscrete = $root.google.protobuf.ListValue.fromObject(d.domainDiscrete, q + 1);
                }
                if (d.domainInterval != null) {
                    if (!$util.isObject(d.domainInterval))
                        throw $TypeError(".tensorboard.hparams.HParamInfo.domainInterval: object expected");
                    m.domainInterval = $root.tensorboard.hparams.Interval.fromObject(d.domainInterval, q + 1);
                }
                return m;
            };

            HParamInfo.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.name = "";
                    d.displayName = "";
                    d.description = "";
                    d.type = o.enums === $String ? "DATA_TYPE_UNSET" : 0;
                }
                if (m.name != null && $Object.hasOwnProperty.call(m, "name")) {
                    d.name = m.name;
                }
                if (m.displayName != null && $Object.hasOwnProperty.call(m, "displayName")) {
                    d.displayName = m.displayName;
                }
                if (m.description != null && $Object.hasOwnProperty.call(m, "description")) {
                    d.description = m.description;
                }
                if (m.type != null && $Object.hasOwnProperty.call(m, "type")) {
                    d.type = o.enums === $String ? $root.tensorboard.hparams.DataType[m.type] === $undefined ? m.type : $root.tensorboard.hparams.DataType[m.type] : m.type;
                }
                if (m.domainDiscrete != null && $Object.hasOwnProperty.call(m, "domainDiscrete")) {
                    d.domainDiscrete = $root.google.protobuf.ListValue.toObject(m.domainDiscrete, o, q + 1);
                    if (o.oneofs)
                        d.domain = "domainDiscrete";
                }
                if (m.domainInterval != null && $Object.hasOwnProperty.call(m, "domainInterval")) {
                    d.domainInterval = $root.tensorboard.hparams.Interval.toObject(m.domainInterval, o, q + 1);
                    if (o.oneofs)
                        d.domain = "domainInterval";
                }
                return d;
            };

            HParamInfo.prototype.toJSON = function() {
                return HParamInfo.toObject(this, $protobuf.util.toJSONOptions);
            };

            return HParamInfo;
        })();

        hparams.MetricName = (function() {

            const MetricName = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            MetricName.prototype.group = "";
            MetricName.prototype.tag = "";

            MetricName.create = function(properties) {
                return new MetricName(properties);
            };

            MetricName.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.group != null && $Object.hasOwnProperty.call(m, "group") && m.group !== "")
                    w.uint32(10).string(m.group);
                if (m.tag != null && $Object.hasOwnProperty.call(m, "tag") && m.tag !== "")
                    w.uint32(18).string(m.tag);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            MetricName.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.tensorboard.hparams.MetricName();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.group = v;
                            else
                                delete m.group;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.tag = v;
                            else
                                delete m.tag;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            MetricName.fromObject = function (d, q) {
                if (d instanceof $root.tensorboard.hparams.MetricName)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".tensorboard.hparams.MetricName: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.tensorboard.hparams.MetricName();
                if (d.group != null) {
                    if (typeof d.group !== "string" || d.group.length) {
                        m.group = $String(d.group);
                    }
                }
                if (d.tag != null) {
                    if (typeof d.tag !== "string" || d.tag.length) {
                        m.tag = $String(d.tag);
                    }
                }
                return m;
            };

            MetricName.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.group = "";
                    d.tag = "";
                }
                if (m.group != null && $Object.hasOwnProperty.call(m, "group")) {
                    d.group = m.group;
                }
                if (m.tag != null && $Object.hasOwnProperty.call(m, "tag")) {
                    d.tag = m.tag;
                }
                return d;
            };

            MetricName.prototype.toJSON = function() {
                return MetricName.toObject(this, $protobuf.util.toJSONOptions);
            };

            return MetricName;
        })();

        hparams.MetricInfo = (function() {

            const MetricInfo = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            MetricInfo.prototype.name = null;
            MetricInfo.prototype.displayName = "";
            MetricInfo.prototype.description = "";
            MetricInfo.prototype.datasetType = 0;

            MetricInfo.create = function(properties) {
                return new MetricInfo(properties);
            };

            MetricInfo.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.name != null && $Object.hasOwnProperty.call(m, "name"))
                    $root.tensorboard.hparams.MetricName.encode(m.name, w.uint32(10).fork(), q + 1).ldelim();
                if (m.displayName != null && $Object.hasOwnProperty.call(m, "displayName") && m.displayName !== "")
                    w.uint32(26).string(m.displayName);
                if (m.description != null && $Object.hasOwnProperty.call(m, "description") && m.description !== "")
                    w.uint32(34).string(m.description);
                if (m.datasetType != null && $Object.hasOwnProperty.call(m, "datasetType") && m.datasetType !== 0)
                    w.uint32(40).int32(m.datasetType);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            MetricInfo.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.tensorboard.hparams.MetricInfo();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            m.name = $root.tensorboard.hparams.MetricName.decode(r, r.size(), $undefined, q + 1, m.name);
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.displayName = v;
                            else
                                delete m.displayName;
                            continue;
                        }
                    case 4: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.description = v;
                            else
                                delete m.description;
                            continue;
                        }
                    case 5: {
                            if (u !== 0)
                                break;
                            if (v = r.int32())
                                m.datasetType = v;
                            else
                                delete m.datasetType;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            MetricInfo.fromObject = function (d, q) {
                if (d instanceof $root.tensorboard.hparams.MetricInfo)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".tensorboard.hparams.MetricInfo: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.tensorboard.hparams.MetricInfo();
                if (d.name != null) {
                    if (!$util.isObject(d.name))
                        throw $TypeError(".tensorboard.hparams.MetricInfo.name: object expected");
                    m.name = $root.tensorboard.hparams.MetricName.fromObject(d.name, q + 1);
                }
                if (d.displayName != null) {
                    if (typeof d.displayName !== "string" || d.displayName.length) {
                        m.displayName = $String(d.displayName);
                    }
                }
                if (d.description != null) {
                    if (typeof d.description !== "string" || d.description.length) {
                        m.description = $String(d.description);
                    }
                }
                if (d.datasetType !== 0 && (typeof d.datasetType !== "string" || $root.tensorboard.hparams.DatasetType[d.datasetType] !== 0)) {
                    switch (d.datasetType) {
                    case "DATASET_UNKNOWN":
                    case 0:
                        m.datasetType = 0;
                        break;
                    case "DATASET_TRAINING":
                    case 1:
                        m.datasetType = 1;
                        break;
                    case "DATASET_VALIDATION":
                    case 2:
                        m.datasetType = 2;
                        break;
                    default:
                        if (typeof d.datasetType === "number" && (d.datasetType | 0) === d.datasetType)
                            m.datasetType = d.datasetType;
                    }
                }
                return m;
            };

            MetricInfo.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.name = null;
                    d.displayName = "";
                    d.description = "";
                    d.datasetType = o.enums === $String ? "DATASET_UNKNOWN" : 0;
                }
                if (m.name != null && $Object.hasOwnProperty.call(m, "name")) {
                    d.name = $root.tensorboard.hparams.MetricName.toObject(m.name, o, q + 1);
                }
                if (m.displayName != null && $Object.hasOwnProperty.call(m, "displayName")) {
                    d.displayName = m.displayName;
                }
                if (m.description != null && $Object.hasOwnProperty.call(m, "description")) {
                    d.description = m.description;
                }
                if (m.datasetType != null && $Object.hasOwnProperty.call(m, "datasetType")) {
                    d.datasetType = o.enums === $String ? $root.tensorboard.hparams.DatasetType[m.datasetType] === $undefined ? m.datasetType : $root.tensorboard.hparams.DatasetType[m.datasetType] : m.datasetType;
                }
                return d;
            };

            MetricInfo.prototype.toJSON = function() {
                return MetricInfo.toObject(this, $protobuf.util.toJSONOptions);
            };

            return MetricInfo;
        })();

        hparams.Experiment = (function() {

            const Experiment = function (p) {
                this.hparamInfos = [];
                this.metricInfos = [];
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            Experiment.prototype.name = "";
            Experiment.prototype.description = "";
            Experiment.prototype.user = "";
            Experiment.prototype.timeCreatedSecs = 0;
            Experiment.prototype.hparamInfos = $util.emptyArray;
            Experiment.prototype.metricInfos = $util.emptyArray;

            Experiment.create = function(properties) {
                return new Experiment(properties);
            };

            Experiment.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.description != null && $Object.hasOwnProperty.call(m, "description") && m.description !== "")
                    w.uint32(10).string(m.description);
                if (m.user != null && $Object.hasOwnProperty.call(m, "user") && m.user !== "")
                    w.uint32(18).string(m.user);
                if (m.timeCreatedSecs != null && $Object.hasOwnProperty.call(m, "timeCreatedSecs") && !$Object.is(m.timeCreatedSecs, 0))
                    w.uint32(25).double(m.timeCreatedSecs);
                if (m.hparamInfos != null && m.hparamInfos.length) {
                    for (var i = 0; i < m.hparamInfos.length; ++i)
                        $root.tensorboard.hparams.HParamInfo.encode(m.hparamInfos[i], w.uint32(34).fork(), q + 1).ldelim();
                }
                if (m.metricInfos != null && m.metricInfos.length) {
                    for (var i = 0; i < m.metricInfos.length; ++i)
                        $root.tensorboard.hparams.MetricInfo.encode(m.metricInfos[i], w.uint32(42).fork(), q + 1).ldelim();
                }
                if (m.name != null && $Object.hasOwnProperty.call(m, "name") && m.name !== "")
                    w.uint32(50).string(m.name);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            Experiment.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.tensorboard.hparams.Experiment();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 6: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.name = v;
                            else
                                delete m.name;
                            continue;
                        }
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.description = v;
                            else
                                delete m.description;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.user = v;
                            else
                                delete m.user;
                            continue;
                        }
                    case 3: {
                            if (u !== 1)
                                break;
                            if (!$Object.is(v = r.double(), 0))
                                m.timeCreatedSecs = v;
                            else
                                delete m.timeCreatedSecs;
                            continue;
                        }
                    case 4: {
                            if (u !== 2)
                                break;
                            if (!(m.hparamInfos && m.hparamInfos.length))
                                m.hparamInfos = [];
                            m.hparamInfos.push($root.tensorboard.hparams.HParamInfo.decode(r, r.size(), $undefined, q + 1));
                            continue;
                        }
                    case 5: {
                            if (u !== 2)
                                break;
                            if (!(m.metricInfos && m.metricInfos.length))
                                m.metricInfos = [];
                            m.metricInfos.push($root.tensorboard.hparams.MetricInfo.decode(r, r.size(), $undefined, q + 1));
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            Experiment.fromObject = function (d, q) {
                if (d instanceof $root.tensorboard.hparams.Experiment)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".tensorboard.hparams.Experiment: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.tensorboard.hparams.Experiment();
                if (d.name != null) {
                    if (typeof d.name !== "string" || d.name.length) {
                        m.name = $String(d.name);
                    }
                }
                if (d.description != null) {
                    if (typeof d.description !== "string" || d.description.length) {
                        m.description = $String(d.description);
                    }
                }
                if (d.user != null) {
                    if (typeof d.user !== "string" || d.user.length) {
                        m.user = $String(d.user);
                    }
                }
                if (d.timeCreatedSecs != null) {
                    if (!$Object.is($Number(d.timeCreatedSecs), 0)) {
                        m.timeCreatedSecs = $Number(d.timeCreatedSecs);
                    }
                }
                if (d.hparamInfos) {
                    if (!$Array.isArray(d.hparamInfos))
                        throw $TypeError(".tensorboard.hparams.Experiment.hparamInfos: array expected");
                    m.hparamInfos = $Array(d.hparamInfos.length);
                    for (var i = 0; i < d.hparamInfos.length; ++i) {
                        if (!$util.isObject(d.hparamInfos[i]))
                            throw $TypeError(".tensorboard.hparams.Experiment.hparamInfos: object expected");
                        m.hparamInfos[i] = $root.tensorboard.hparams.HParamInfo.fromObject(d.hparamInfos[i], q + 1);
                    }
                }
                if (d.metricInfos) {
                    if (!$Array.isArray(d.metricInfos))
                        throw $TypeError(".tensorboard.hparams.Experiment.metricInfos: array expected");
                    m.metricInfos = $Array(d.metricInfos.length);
                    for (var i = 0; i < d.metricInfos.length; ++i) {
                        if (!$util.isObject(d.metricInfos[i]))
                            throw $TypeError(".tensorboard.hparams.Experiment.metricInfos: object expected");
                        m.metricInfos[i] = $root.tensorboard.hparams.MetricInfo.fromObject(d.metricInfos[i], q + 1);
                    }
                }
                return m;
            };

            Experiment.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.arrays || o.defaults) {
                    d.hparamInfos = [];
                    d.metricInfos = [];
                }
                if (o.defaults) {
                    d.description = "";
                    d.user = "";
                    d.timeCreatedSecs = 0;
                    d.name = "";
                }
                if (m.description != null && $Object.hasOwnProperty.call(m, "description")) {
                    d.description = m.description;
                }
                if (m.user != null && $Object.hasOwnProperty.call(m, "user")) {
                    d.user = m.user;
                }
                if (m.timeCreatedSecs != null && $Object.hasOwnProperty.call(m, "timeCreatedSecs")) {
                    d.timeCreatedSecs = o.json && !$isFinite(m.timeCreatedSecs) ? $String(m.timeCreatedSecs) : m.timeCreatedSecs;
                }
                if (m.hparamInfos && m.hparamInfos.length) {
                    d.hparamInfos = $Array(m.hparamInfos.length);
                    for (var j = 0; j < m.hparamInfos.length; ++j) {
                        d.hparamInfos[j] = $root.tensorboard.hparams.HParamInfo.toObject(m.hparamInfos[j], o, q + 1);
                    }
                }
                if (m.metricInfos && m.metricInfos.length) {
                    d.metricInfos = $Array(m.metricInfos.length);
                    for (var j = 0; j < m.metricInfos.length; ++j) {
                        d.metricInfos[j] = $root.tensorboard.hparams.MetricInfo.toObject(m.metricInfos[j], o, q + 1);
                    }
                }
                if (m.name != null && $Object.hasOwnProperty.call(m, "name")) {
                    d.name = m.name;
                }
                return d;
            };

            Experiment.prototype.toJSON = function() {
                return Experiment.toObject(this, $protobuf.util.toJSONOptions);
            };

            return Experiment;
        })();

        hparams.SessionStartInfo = (function() {

            const SessionStartInfo = function (p) {
                this.hparams = {};
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            SessionStartInfo.prototype.hparams = $util.emptyObject;
            SessionStartInfo.prototype.modelUri = "";
            SessionStartInfo.prototype.monitorUrl = "";
            SessionStartInfo.prototype.groupName = "";
            SessionStartInfo.prototype.startTimeSecs = 0;

            SessionStartInfo.create = function(properties) {
                return new SessionStartInfo(properties);
            };

            SessionStartInfo.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.hparams != null && $Object.hasOwnProperty.call(m, "hparams")) {
                    for (var ks = $Object.keys(m.hparams), i = 0; i < ks.length; ++i) {
                        w.uint32(10).fork().uint32(10).string(ks[i]);
                        $root.google.protobuf.Value.encode(m.hparams[ks[i]], w.uint32(18).fork(), q + 1).ldelim().ldelim();
                    }
                }
                if (m.modelUri != null && $Object.hasOwnProperty.call(m, "modelUri") && m.modelUri !== "")
                    w.uint32(18).string(m.modelUri);
                if (m.monitorUrl != null && $Object.hasOwnProperty.call(m, "monitorUrl") && m.monitorUrl !== "")
                    w.uint32(26).string(m.monitorUrl);
                if (m.groupName != null && $Object.hasOwnProperty.call(m, "groupName") && m.groupName !== "")
                    w.uint32(34).string(m.groupName);
                if (m.startTimeSecs != null && $Object.hasOwnProperty.call(m, "startTimeSecs") && !$Object.is(m.startTimeSecs, 0))
                    w.uint32(41).double(m.startTimeSecs);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            SessionStartInfo.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, k, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.tensorboard.hparams.SessionStartInfo();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if (m.hparams === $util.emptyObject)
                                m.hparams = {};
                            var c2 = r.size() + r.pos;
                            if (c2 > r.len)
                                throw $RangeError("index out of range");
                            r.len = c2;
                            k = "";
                            v = null;
                            while (r.pos < c2) {
                                var t2 = r.tag();
                                u = t2 & 7;
                                switch (t2 >>>= 3) {
                                case 1:
                                    if (u !== 2)
                                        break;
                                    k = r.stringVerify();
                                    continue;
                                case 2:
                                    if (u !== 2)
                                        break;
                                    v = $root.google.protobuf.Value.decode(r, r.size(), $undefined, q + 1, v);
                                    continue;
                                }
                                r.skipType(u, q, t2);
                            }
                            if (r.pos !== c2)
                                throw $RangeError("index out of range");
                            r.len = c;
                            if (k === "__proto__")
                                $util.makeProp(m.hparams, k);
                            m.hparams[k] = v || new $root.google.protobuf.Value();
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.modelUri = v;
                            else
                                delete m.modelUri;
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.monitorUrl = v;
                            else
                                delete m.monitorUrl;
                            continue;
                        }
                    case 4: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.groupName = v;
                            else
                                delete m.groupName;
                            continue;
                        }
                    case 5: {
                            if (u !== 1)
                                break;
                            if (!$Object.is(v = r.double(), 0))
                                m.startTimeSecs = v;
                            else
                                delete m.startTimeSecs;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            SessionStartInfo.fromObject = function (d, q) {
                if (d instanceof $root.tensorboard.hparams.SessionStartInfo)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".tensorboard.hparams.SessionStartInfo: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.tensorboard.hparams.SessionStartInfo();
                if (d.hparams) {
                    if (!$util.isObject(d.hparams))
                        throw $TypeError(".tensorboard.hparams.SessionStartInfo.hparams: object expected");
                    m.hparams = {};
                    for (var ks = $Object.keys(d.hparams), i = 0; i < ks.length; ++i) {
                        if (ks[i] === "__proto__")
                            $util.makeProp(m.hparams, ks[i]);
                        if (!$util.isObject(d.hparams[ks[i]]))
                            throw $TypeError(".tensorboard.hparams.SessionStartInfo.hparams: object expected");
                        m.hparams[ks[i]] = $root.google.protobuf.Value.fromObject(d.hparams[ks[i]], q + 1);
                    }
                }
                if (d.modelUri != null) {
                    if (typeof d.modelUri !== "string" || d.modelUri.length) {
                        m.modelUri = $String(d.modelUri);
                    }
                }
                if (d.monitorUrl != null) {
                    if (typeof d.monitorUrl !== "string" || d.monitorUrl.length) {
                        m.monitorUrl = $String(d.monitorUrl);
                    }
                }
                if (d.groupName != null) {
                    if (typeof d.groupName !== "string" || d.groupName.length) {
                        m.groupName = $String(d.groupName);
                    }
                }
                if (d.startTimeSecs != null) {
                    if (!$Object.is($Number(d.startTimeSecs), 0)) {
                        m.startTimeSecs = $Number(d.startTimeSecs);
                    }
                }
                return m;
            };

            SessionStartInfo.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.objects || o.defaults) {
                    d.hparams = {};
                }
                if (o.defaults) {
                    d.modelUri = "";
                    d.monitorUrl = "";
                    d.groupName = "";
                    d.startTimeSecs = 0;
                }
                var ks2;
                if (m.hparams && (ks2 = $Object.keys(m.hparams)).length) {
                    d.hparams = {};
                    for (var j = 0; j < ks2.length; ++j) {
                        if (ks2[j] === "__proto__")
                            $util.makeProp(d.hparams, ks2[j]);
                        d.hparams[ks2[j]] = $root.google.protobuf.Value.toObject(m.hparams[ks2[j]], o, q + 1);
                    }
                }
                if (m.modelUri != null && $Object.hasOwnProperty.call(m, "modelUri")) {
                    d.modelUri = m.modelUri;
                }
                if (m.monitorUrl != null && $Object.hasOwnProperty.call(m, "monitorUrl")) {
                    d.monitorUrl = m.monitorUrl;
                }
                if (m.groupName != null && $Object.hasOwnProperty.call(m, "groupName")) {
                    d.groupName = m.groupName;
                }
                if (m.startTimeSecs != null && $Object.hasOwnProperty.call(m, "startTimeSecs")) {
                    d.startTimeSecs = o.json && !$isFinite(m.startTimeSecs) ? $String(m.startTimeSecs) : m.startTimeSecs;
                }
                return d;
            };

            SessionStartInfo.prototype.toJSON = function() {
                return SessionStartInfo.toObject(this, $protobuf.util.toJSONOptions);
            };

            return SessionStartInfo;
        })();

        hparams.SessionEndInfo = (function() {

            const SessionEndInfo = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            SessionEndInfo.prototype.status = 0;
            SessionEndInfo.prototype.endTimeSecs = 0;

            SessionEndInfo.create = function(properties) {
                return new SessionEndInfo(properties);
            };

            SessionEndInfo.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.status != null && $Object.hasOwnProperty.call(m, "status") && m.status !== 0)
                    w.uint32(8).int32(m.status);
                if (m.endTimeSecs != null && $Object.hasOwnProperty.call(m, "endTimeSecs") && !$Object.is(m.endTimeSecs, 0))
                    w.uint32(17).double(m.endTimeSecs);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            SessionEndInfo.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.tensorboard.hparams.SessionEndInfo();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 0)
                                break;
                            if (v = r.int32())
                                m.status = v;
                            else
                                delete m.status;
                            continue;
                        }
                    case 2: {
                            if (u !== 1)
                                break;
                            if (!$Object.is(v = r.double(), 0))
                                m.endTimeSecs = v;
                            else
                                delete m.endTimeSecs;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            SessionEndInfo.fromObject = function (d, q) {
                if (d instanceof $root.tensorboard.hparams.SessionEndInfo)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".tensorboard.hparams.SessionEndInfo: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.tensorboard.hparams.SessionEndInfo();
                if (d.status !== 0 && (typeof d.status !== "string" || $root.tensorboard.hparams.Status[d.status] !== 0)) {
                    switch (d.status) {
                    case "STATUS_UNKNOWN":
                    case 0:
                        m.status = 0;
                        break;
                    case "STATUS_SUCCESS":
                    case 1:
                        m.status = 1;
                        break;
                    case "STATUS_FAILURE":
                    case 2:
                        m.status = 2;
                        break;
                    case "STATUS_RUNNING":
                    case 3:
                        m.status = 3;
                        break;
                    default:
                        if (typeof d.status === "number" && (d.status | 0) === d.status)
                            m.status = d.status;
                    }
                }
                if (d.endTimeSecs != null) {
                    if (!$Object.is($Number(d.endTimeSecs), 0)) {
                        m.endTimeSecs = $Number(d.endTimeSecs);
                    }
                }
                return m;
            };

            SessionEndInfo.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.status = o.enums === $String ? "STATUS_UNKNOWN" : 0;
                    d.endTimeSecs = 0;
                }
                if (m.status != null && $Object.hasOwnProperty.call(m, "status")) {
                    d.status = o.enums === $String ? $root.tensorboard.hparams.Status[m.status] === $undefined ? m.status : $root.tensorboard.hparams.Status[m.status] : m.status;
                }
                if (m.endTimeSecs != null && $Object.hasOwnProperty.call(m, "endTimeSecs")) {
                    d.endTimeSecs = o.json && !$isFinite(m.endTimeSecs) ? $String(m.endTimeSecs) : m.endTimeSecs;
                }
                return d;
            };

            SessionEndInfo.prototype.toJSON = function() {
                return SessionEndInfo.toObject(this, $protobuf.util.toJSONOptions);
            };

            return SessionEndInfo;
        })();

        hparams.HParamsPluginData = (function() {

            const HParamsPluginData = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            HParamsPluginData.prototype.version = 0;
            HParamsPluginData.prototype.experiment = null;
            HParamsPluginData.prototype.sessionStartInfo = null;
            HParamsPluginData.prototype.sessionEndInfo = null;

            let $oneOfFields;

            $Object.defineProperty(HParamsPluginData.prototype, "data", {
                get: $util.oneOfGetter($oneOfFields = ["experiment", "sessionStartInfo", "sessionEndInfo"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            HParamsPluginData.create = function(properties) {
                return new HParamsPluginData(properties);
            };

            HParamsPluginData.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.version != null && $Object.hasOwnProperty.call(m, "version") && m.version !== 0)
                    w.uint32(8).int32(m.version);
                if (m.experiment != null && $Object.hasOwnProperty.call(m, "experiment"))
                    $root.tensorboard.hparams.Experiment.encode(m.experiment, w.uint32(18).fork(), q + 1).ldelim();
                if (m.sessionStartInfo != null && $Object.hasOwnProperty.call(m, "sessionStartInfo"))
                    $root.tensorboard.hparams.SessionStartInfo.encode(m.sessionStartInfo, w.uint32(26).fork(), q + 1).ldelim();
                if (m.sessionEndInfo != null && $Object.hasOwnProperty.call(m, "sessionEndInfo"))
                    $root.tensorboard.hparams.SessionEndInfo.encode(m.sessionEndInfo, w.uint32(34).fork(), q + 1).ldelim();
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            HParamsPluginData.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.tensorboard.hparams.HParamsPluginData();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 0)
                                break;
                            if (v = r.int32())
                                m.version = v;
                            else
                                delete m.version;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            m.experiment = $root.tensorboard.hparams.Experiment.decode(r, r.size(), $undefined, q + 1, m.experiment);
                            m.data = "experiment";
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            m.sessionStartInfo = $root.tensorboard.hparams.SessionStartInfo.decode(r, r.size(), $undefined, q + 1, m.sessionStartInfo);
                            m.data = "sessionStartInfo";
                            continue;
                        }
                    case 4: {
                            if (u !== 2)
                                break;
                            m.sessionEndInfo = $root.tensorboard.hparams.SessionEndInfo.decode(r, r.size(), $undefined, q + 1, m.sessionEndInfo);
                            m.data = "sessionEndInfo";
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            HParamsPluginData.fromObject = function (d, q) {
                if (d instanceof $root.tensorboard.hparams.HParamsPluginData)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".tensorboard.hparams.HParamsPluginData: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.tensorboard.hparams.HParamsPluginData();
                if (d.version != null) {
                    if ($Number(d.version) !== 0) {
                        m.version = d.version | 0;
                    }
                }
                if (d.experiment != null) {
                    if (!$util.isObject(d.experiment))
                        throw $TypeError(".tensorboard.hparams.HParamsPluginData.experiment: object expected");
                    m.experiment = $root.tensorboard.hparams.Experiment.fromObject(d.experiment, q + 1);
                }
                if (d.sessionStartInfo != null) {
                    if (!$util.isObject(d.sessionStartInfo))
                        throw $TypeError(".tensorboard.hparams.HParamsPluginData.sessionStartInfo: object expected");
                    m.sessionStartInfo = $root.tensorboard.hparams.SessionStartInfo.fromObject(d.sessionStartInfo, q + 1);
                }
                if (d.sessionEndInfo != null) {
                    if (!$util.isObject(d.sessionEndInfo))
                        throw $TypeError(".tensorboard.hparams.HParamsPluginData.sessionEndInfo: object expected");
                    m.sessionEndInfo = $root.tensorboard.hparams.SessionEndInfo.fromObject(d.sessionEndInfo, q + 1);
                }
                return m;
            };

            HParamsPluginData.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.version = 0;
                }
                if (m.version != null && $Object.hasOwnProperty.call(m, "version")) {
                    d.version = m.version;
                }
                if (m.experiment != null && $Object.hasOwnProperty.call(m, "experiment")) {
                    d.experiment = $root.tensorboard.hparams.Experiment.toObject(m.experiment, o, q + 1);
                    if (o.oneofs)
                        d.data = "experiment";
                }
                if (m.sessionStartInfo != null && $Object.hasOwnProperty.call(m, "sessionStartInfo")) {
                    d.sessionStartInfo = $root.tensorboard.hparams.SessionStartInfo.toObject(m.sessionStartInfo, o, q + 1);
                    if (o.oneofs)
                        d.data = "sessionStartInfo";
                }
                if (m.sessionEndInfo != null && $Object.hasOwnProperty.call(m, "sessionEndInfo")) {
                    d.sessionEndInfo = $root.tensorboard.hparams.SessionEndInfo.toObject(m.sessionEndInfo, o, q + 1);
                    if (o.oneofs)
                        d.data = "sessionEndInfo";
                }
                return d;
            };

            HParamsPluginData.prototype.toJSON = function() {
                return HParamsPluginData.toObject(this, $protobuf.util.toJSONOptions);
            };

            return HParamsPluginData;
        })();

        return hparams;
    })();

    tensorboard.MultilineChartContent = (function() {

        const MultilineChartContent = function (p) {
            this.tag = [];
            if (p)
                for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                    if (p[ks[i]] != null && ks[i] !== "__proto__")
                        this[ks[i]] = p[ks[i]];
        };

        MultilineChartContent.prototype.tag = $util.emptyArray;

        MultilineChartContent.create = function(properties) {
            return new MultilineChartContent(properties);
        };

        MultilineChartContent.encode = function (m, w, q) {
            if (!w)
                w = $Writer.create();
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (m.tag != null && m.tag.length) {
                for (var i = 0; i < m.tag.length; ++i)
                    w.uint32(10).string(m.tag[i]);
            }
            if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                for (var i = 0; i < m.$unknowns.length; ++i)
                    w.raw(m.$unknowns[i]);
            return w;
        };

        MultilineChartContent.decode = function (r, l, z, q, g) {
            if (!(r instanceof $Reader))
                r = $Reader.create(r);
            if (q === $undefined)
                q = 0;
            if (q > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            var c, m;
            if (l === $undefined)
                c = r.len;
            else {
                c = r.pos + l;
                if (c > r.len)
                    throw $RangeError("index out of range");
                l = r.len;
                r.len = c;
            }
            m = g || new $root.tensorboard.MultilineChartContent();
            while (r.pos < c) {
                var s = r.pos;
                var t = r.tag();
                if (t === z) {
                    z = $undefined;
                    break;
                }
                var u = t & 7;
                switch (t >>>= 3) {
                case 1: {
                        if (u !== 2)
                            break;
                        if (!(m.tag && m.tag.length))
                            m.tag = [];
                        m.tag.push(r.stringVerify());
                        continue;
                    }
                }
                r.skipType(u, q, t);
                if (!r.discardUnknown) {
                    $util.makeProp(m, "$unknowns", false);
                    (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                }
            }
            if (l !== $undefined) {
                if (r.pos !== c)
                    throw $RangeError("index out of range");
                r.len = l;
            }
            if (z !== $undefined)
                throw $Error("missing end group");
            return m;
        };

        MultilineChartContent.fromObject = function (d, q) {
            if (d instanceof $root.tensorboard.MultilineChartContent)
                return d;
            if (!$util.isObject(d))
                throw $TypeError(".tensorboard.MultilineChartContent: object expected");
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var m = new $root.tensorboard.MultilineChartContent();
            if (d.tag) {
                if (!$Array.isArray(d.tag))
                    throw $TypeError(".tensorboard.MultilineChartContent.tag: array expected");
                m.tag = $Array(d.tag.length);
                for (var i = 0; i < d.tag.length; ++i) {
                    m.tag[i] = $String(d.tag[i]);
                }
            }
            return m;
        };

        MultilineChartContent.toObject = function (m, o, q) {
            if (!o)
                o = {};
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var d = {};
            if (o.arrays || o.defaults) {
                d.tag = [];
            }
            if (m.tag && m.tag.length) {
                d.tag = $Array(m.tag.length);
                for (var j = 0; j < m.tag.length; ++j) {
                    d.tag[j] = m.tag[j];
                }
            }
            return d;
        };

        MultilineChartContent.prototype.toJSON = function() {
            return MultilineChartContent.toObject(this, $protobuf.util.toJSONOptions);
        };

        return MultilineChartContent;
    })();

    tensorboard.MarginChartContent = (function() {

        const MarginChartContent = function (p) {
            this.series = [];
            if (p)
                for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                    if (p[ks[i]] != null && ks[i] !== "__proto__")
                        this[ks[i]] = p[ks[i]];
        };

        MarginChartContent.prototype.series = $util.emptyArray;

        MarginChartContent.create = function(properties) {
            return new MarginChartContent(properties);
        };

        MarginChartContent.encode = function (m, w, q) {
            if (!w)
                w = $Writer.create();
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (m.series != null && m.series.length) {
                for (var i = 0; i < m.series.length; ++i)
                    $root.tensorboard.MarginChartContent.Series.encode(m.series[i], w.uint32(10).fork(), q + 1).ldelim();
            }
            if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                for (var i = 0; i < m.$unknowns.length; ++i)
                    w.raw(m.$unknowns[i]);
            return w;
        };

        MarginChartContent.decode = function (r, l, z, q, g) {
            if (!(r instanceof $Reader))
                r = $Reader.create(r);
            if (q === $undefined)
                q = 0;
            if (q > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            var c, m;
            if (l === $undefined)
                c = r.len;
            else {
                c = r.pos + l;
                if (c > r.len)
                    throw $RangeError("index out of range");
                l = r.len;
                r.len = c;
            }
            m = g || new $root.tensorboard.MarginChartContent();
            while (r.pos < c) {
                var s = r.pos;
                var t = r.tag();
                if (t === z) {
                    z = $undefined;
                    break;
                }
                var u = t & 7;
                switch (t >>>= 3) {
                case 1: {
                        if (u !== 2)
                            break;
                        if (!(m.series && m.series.length))
                            m.series = [];
                        m.series.push($root.tensorboard.MarginChartContent.Series.decode(r, r.size(), $undefined, q + 1));
                        continue;
                    }
                }
                r.skipType(u, q, t);
                if (!r.discardUnknown) {
                    $util.makeProp(m, "$unknowns", false);
                    (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                }
            }
            if (l !== $undefined) {
                if (r.pos !== c)
                    throw $RangeError("index out of range");
                r.len = l;
            }
            if (z !== $undefined)
                throw $Error("missing end group");
            return m;
        };

        MarginChartContent.fromObject = function (d, q) {
            if (d instanceof $root.tensorboard.MarginChartContent)
                return d;
            if (!$util.isObject(d))
                throw $TypeError(".tensorboard.MarginChartContent: object expected");
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var m = new $root.tensorboard.MarginChartContent();
            if (d.series) {
                if (!$Array.isArray(d.series))
                    throw $TypeError(".tensorboard.MarginChartContent.series: array expected");
                m.series = $Array(d.series.length);
                for (var i = 0; i < d.series.length; ++i) {
                    if (!$util.isObject(d.series[i]))
                        throw $TypeError(".tensorboard.MarginChartContent.series: object expected");
                    m.series[i] = $root.tensorboard.MarginChartContent.Series.fromObject(d.series[i], q + 1);
                }
            }
            return m;
        };

        MarginChartContent.toObject = function (m, o, q) {
            if (!o)
                o = {};
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var d = {};
            if (o.arrays || o.defaults) {
                d.series = [];
            }
            if (m.series && m.series.length) {
                d.series = $Array(m.series.length);
                for (var j = 0; j < m.series.length; ++j) {
                    d.series[j] = $root.tensorboard.MarginChartContent.Series.toObject(m.series[j], o, q + 1);
                }
            }
            return d;
        };

        MarginChartContent.prototype.toJSON = function() {
            return MarginChartContent.toObject(this, $protobuf.util.toJSONOptions);
        };

        MarginChartContent.Series = (function() {

            const Series = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            Series.prototype.value = "";
            Series.prototype.lower = "";
            Series.prototype.upper = "";

            Series.create = function(properties) {
                return new Series(properties);
            };

            Series.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.value != null && $Object.hasOwnProperty.call(m, "value") && m.value !== "")
                    w.uint32(10).string(m.value);
                if (m.lower != null && $Object.hasOwnProperty.call(m, "lower") && m.lower !== "")
                    w.uint32(18).string(m.lower);
                if (m.upper != null && $Object.hasOwnProperty.call(m, "upper") && m.upper !== "")
                    w.uint32(26).string(m.upper);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            Series.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.tensorboard.MarginChartContent.Series();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.value = v;
                            else
                                delete m.value;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.lower = v;
                            else
                                delete m.lower;
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.upper = v;
                            else
                                delete m.upper;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            Series.fromObject = function (d, q) {
                if (d instanceof $root.tensorboard.MarginChartContent.Series)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".tensorboard.MarginChartContent.Series: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.tensorboard.MarginChartContent.Series();
                if (d.value != null) {
                    if (typeof d.value !== "string" || d.value.length) {
                        m.value = $String(d.value);
                    }
                }
                if (d.lower != null) {
                    if (typeof d.lower !== "string" || d.lower.length) {
                        m.lower = $String(d.lower);
                    }
                }
                if (d.upper != null) {
                    if (typeof d.upper !== "string" || d.upper.length) {
                        m.upper = $String(d.upper);
                    }
                }
                return m;
            };

            Series.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.value = "";
                    d.lower = "";
                    d.upper = "";
                }
                if (m.value != null && $Object.hasOwnProperty.call(m, "value")) {
                    d.value = m.value;
                }
                if (m.lower != null && $Object.hasOwnProperty.call(m, "lower")) {
                    d.lower = m.lower;
                }
                if (m.upper != null && $Object.hasOwnProperty.call(m, "upper")) {
                    d.upper = m.upper;
                }
                return d;
            };

            Series.prototype.toJSON = function() {
                return Series.toObject(this, $protobuf.util.toJSONOptions);
            };

            return Series;
        })();

        return MarginChartContent;
    })();

    tensorboard.Chart = (function() {

        const Chart = function (p) {
            if (p)
                for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                    if (p[ks[i]] != null && ks[i] !== "__proto__")
                        this[ks[i]] = p[ks[i]];
        };

        Chart.prototype.title = "";
        Chart.prototype.multiline = null;
        Chart.prototype.margin = null;

        let $oneOfFields;

        $Object.defineProperty(Chart.prototype, "content", {
            get: $util.oneOfGetter($oneOfFields = ["multiline", "margin"]),
            set: $util.oneOfSetter($oneOfFields)
        });

        Chart.create = function(properties) {
            return new Chart(properties);
        };

        Chart.encode = function (m, w, q) {
            if (!w)
                w = $Writer.create();
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (m.title != null && $Object.hasOwnProperty.call(m, "title") && m.title !== "")
                w.uint32(10).string(m.title);
            if (m.multiline != null && $Object.hasOwnProperty.call(m, "multiline"))
                $root.tensorboard.MultilineChartContent.encode(m.multiline, w.uint32(18).fork(), q + 1).ldelim();
            if (m.margin != null && $Object.hasOwnProperty.call(m, "margin"))
                $root.tensorboard.MarginChartContent.encode(m.margin, w.uint32(26).fork(), q + 1).ldelim();
            if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                for (var i = 0; i < m.$unknowns.length; ++i)
                    w.raw(m.$unknowns[i]);
            return w;
        };

        Chart.decode = function (r, l, z, q, g) {
            if (!(r instanceof $Reader))
                r = $Reader.create(r);
            if (q === $undefined)
                q = 0;
            if (q > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            var c, m, v;
            if (l === $undefined)
                c = r.len;
            else {
                c = r.pos + l;
                if (c > r.len)
                    throw $RangeError("index out of range");
                l = r.len;
                r.len = c;
            }
            m = g || new $root.tensorboard.Chart();
            while (r.pos < c) {
                var s = r.pos;
                var t = r.tag();
                if (t === z) {
                    z = $undefined;
                    break;
                }
                var u = t & 7;
                switch (t >>>= 3) {
                case 1: {
                        if (u !== 2)
                            break;
                        if ((v = r.stringVerify()).length)
                            m.title = v;
                        else
                            delete m.title;
                        continue;
                    }
                case 2: {
                        if (u !== 2)
                            break;
                        m.multiline = $root.tensorboard.MultilineChartContent.decode(r, r.size(), $undefined, q + 1, m.multiline);
                        m.content = "multiline";
                        continue;
                    }
                case 3: {
                        if (u !== 2)
                            break;
                        m.margin = $root.tensorboard.MarginChartContent.decode(r, r.size(), $undefined, q + 1, m.margin);
                        m.content = "margin";
                        continue;
                    }
                }
                r.skipType(u, q, t);
                if (!r.discardUnknown) {
                    $util.makeProp(m, "$unknowns", false);
                    (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                }
            }
            if (l !== $undefined) {
                if (r.pos !== c)
                    throw $RangeError("index out of range");
                r.len = l;
            }
            if (z !== $undefined)
                throw $Error("missing end group");
            return m;
        };

        Chart.fromObject = function (d, q) {
            if (d instanceof $root.tensorboard.Chart)
                return d;
            if (!$util.isObject(d))
                throw $TypeError(".tensorboard.Chart: object expected");
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var m = new $root.tensorboard.Chart();
            if (d.title != null) {
                if (typeof d.title !== "string" || d.title.length) {
                    m.title = $String(d.title);
                }
            }
            if (d.multiline != null) {
                if (!$util.isObject(d.multiline))
                    throw $TypeError(".tensorboard.Chart.multiline: object expected");
                m.multiline = $root.tensorboard.MultilineChartContent.fromObject(d.multiline, q + 1);
            }
            if (d.margin != null) {
                if (!$util.isObject(d.margin))
                    throw $TypeError(".tensorboard.Chart.margin: object expected");
                m.margin = $root.tensorboard.MarginChartContent.fromObject(d.margin, q + 1);
            }
            return m;
        };

        Chart.toObject = function (m, o, q) {
            if (!o)
                o = {};
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var d = {};
            if (o.defaults) {
                d.title = "";
            }
            if (m.title != null && $Object.hasOwnProperty.call(m, "title")) {
                d.title = m.title;
            }
            if (m.multiline != null && $Object.hasOwnProperty.call(m, "multiline")) {
                d.multiline = $root.tensorboard.MultilineChartContent.toObject(m.multiline, o, q + 1);
                if (o.oneofs)
                    d.content = "multiline";
            }
            if (m.margin != null && $Object.hasOwnProperty.call(m, "margin")) {
                d.margin = $root.tensorboard.MarginChartContent.toObject(m.margin, o, q + 1);
                if (o.oneofs)
                    d.content = "margin";
            }
            return d;
        };

        Chart.prototype.toJSON = function() {
            return Chart.toObject(this, $protobuf.util.toJSONOptions);
        };

        return Chart;
    })();

    tensorboard.Category = (function() {

        const Category = function (p) {
            this.chart = [];
            if (p)
                for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                    if (p[ks[i]] != null && ks[i] !== "__proto__")
                        this[ks[i]] = p[ks[i]];
        };

        Category.prototype.title = "";
        Category.prototype.chart = $util.emptyArray;
        Category.prototype.closed = false;

        Category.create = function(properties) {
            return new Category(properties);
        };

        Category.encode = function (m, w, q) {
            if (!w)
                w = $Writer.create();
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (m.title != null && $Object.hasOwnProperty.call(m, "title") && m.title !== "")
                w.uint32(10).string(m.title);
            if (m.chart != null && m.chart.length) {
                for (var i = 0; i < m.chart.length; ++i)
                    $root.tensorboard.Chart.encode(m.chart[i], w.uint32(18).fork(), q + 1).ldelim();
            }
            if (m.closed != null && $Object.hasOwnProperty.call(m, "closed") && m.closed !== false)
                w.uint32(24).bool(m.closed);
            if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                for (var i = 0; i < m.$unknowns.length; ++i)
                    w.raw(m.$unknowns[i]);
            return w;
        };

        Category.decode = function (r, l, z, q, g) {
            if (!(r instanceof $Reader))
                r = $Reader.create(r);
            if (q === $undefined)
                q = 0;
            if (q > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            var c, m, v;
            if (l === $undefined)
                c = r.len;
            else {
                c = r.pos + l;
                if (c > r.len)
                    throw $RangeError("index out of range");
                l = r.len;
                r.len = c;
            }
            m = g || new $root.tensorboard.Category();
            while (r.pos < c) {
                var s = r.pos;
                var t = r.tag();
                if (t === z) {
                    z = $undefined;
                    break;
                }
                var u = t & 7;
                switch (t >>>= 3) {
                case 1: {
                        if (u !== 2)
                            break;
                        if ((v = r.stringVerify()).length)
                            m.title = v;
                        else
                            delete m.title;
                        continue;
                    }
                case 2: {
                        if (u !== 2)
                            break;
                        if (!(m.chart && m.chart.length))
                            m.chart = [];
                        m.chart.push($root.tensorboard.Chart.decode(r, r.size(), $undefined, q + 1));
                        continue;
                    }
                case 3: {
                        if (u !== 0)
                            break;
                        if (v = r.bool())
                            m.closed = v;
                        else
                            delete m.closed;
                        continue;
                    }
                }
                r.skipType(u, q, t);
                if (!r.discardUnknown) {
                    $util.makeProp(m, "$unknowns", false);
                    (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                }
            }
            if (l !== $undefined) {
                if (r.pos !== c)
                    throw $RangeError("index out of range");
                r.len = l;
            }
            if (z !== $undefined)
                throw $Error("missing end group");
            return m;
        };

        Category.fromObject = function (d, q) {
            if (d instanceof $root.tensorboard.Category)
                return d;
            if (!$util.isObject(d))
                throw $TypeError(".tensorboard.Category: object expected");
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var m = new $root.tensorboard.Category();
            if (d.title != null) {
                if (typeof d.title !== "string" || d.title.length) {
                    m.title = $String(d.title);
                }
            }
            if (d.chart) {
                if (!$Array.isArray(d.chart))
                    throw $TypeError(".tensorboard.Category.chart: array expected");
                m.chart = $Array(d.chart.length);
                for (var i = 0; i < d.chart.length; ++i) {
                    if (!$util.isObject(d.chart[i]))
                        throw $TypeError(".tensorboard.Category.chart: object expected");
                    m.chart[i] = $root.tensorboard.Chart.fromObject(d.chart[i], q + 1);
                }
            }
            if (d.closed != null) {
                if (d.closed) {
                    m.closed = $Boolean(d.closed);
                }
            }
            return m;
        };

        Category.toObject = function (m, o, q) {
            if (!o)
                o = {};
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var d = {};
            if (o.arrays || o.defaults) {
                d.chart = [];
            }
            if (o.defaults) {
                d.title = "";
                d.closed = false;
            }
            if (m.title != null && $Object.hasOwnProperty.call(m, "title")) {
                d.title = m.title;
            }
            if (m.chart && m.chart.length) {
                d.chart = $Array(m.chart.length);
                for (var j = 0; j < m.chart.length; ++j) {
                    d.chart[j] = $root.tensorboard.Chart.toObject(m.chart[j], o, q + 1);
                }
            }
            if (m.closed != null && $Object.hasOwnProperty.call(m, "closed")) {
                d.closed = m.closed;
            }
            return d;
        };

        Category.prototype.toJSON = function() {
            return Category.toObject(this, $protobuf.util.toJSONOptions);
        };

        return Category;
    })();

    tensorboard.Layout = (function() {

        const Layout = function (p) {
            this.category = [];
            if (p)
                for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                    if (p[ks[i]] != null && ks[i] !== "__proto__")
                        this[ks[i]] = p[ks[i]];
        };

        Layout.prototype.version = 0;
        Layout.prototype.category = $util.emptyArray;

        Layout.create = function(properties) {
            return new Layout(properties);
        };

        Layout.encode = function (m, w, q) {
            if (!w)
                w = $Writer.create();
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (m.version != null && $Object.hasOwnProperty.call(m, "version") && m.version !== 0)
                w.uint32(8).int32(m.version);
            if (m.category != null && m.category.length) {
                for (var i = 0; i < m.category.length; ++i)
                    $root.tensorboard.Category.encode(m.category[i], w.uint32(18).fork(), q + 1).ldelim();
            }
            if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                for (var i = 0; i < m.$unknowns.length; ++i)
                    w.raw(m.$unknowns[i]);
            return w;
        };

        Layout.decode = function (r, l, z, q, g) {
            if (!(r instanceof $Reader))
                r = $Reader.create(r);
            if (q === $undefined)
                q = 0;
            if (q > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            var c, m, v;
            if (l === $undefined)
                c = r.len;
            else {
                c = r.pos + l;
                if (c > r.len)
                    throw $RangeError("index out of range");
                l = r.len;
                r.len = c;
            }
            m = g || new $root.tensorboard.Layout();
            while (r.pos < c) {
                var s = r.pos;
                var t = r.tag();
                if (t === z) {
                    z = $undefined;
                    break;
                }
                var u = t & 7;
                switch (t >>>= 3) {
                case 1: {
                        if (u !== 0)
                            break;
                        if (v = r.int32())
                            m.version = v;
                        else
                            delete m.version;
                        continue;
                    }
                case 2: {
                        if (u !== 2)
                            break;
                        if (!(m.category && m.category.length))
                            m.category = [];
                        m.category.push($root.tensorboard.Category.decode(r, r.size(), $undefined, q + 1));
                        continue;
                    }
                }
                r.skipType(u, q, t);
                if (!r.discardUnknown) {
                    $util.makeProp(m, "$unknowns", false);
                    (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                }
            }
            if (l !== $undefined) {
                if (r.pos !== c)
                    throw $RangeError("index out of range");
                r.len = l;
            }
            if (z !== $undefined)
                throw $Error("missing end group");
            return m;
        };

        Layout.fromObject = function (d, q) {
            if (d instanceof $root.tensorboard.Layout)
                return d;
            if (!$util.isObject(d))
                throw $TypeError(".tensorboard.Layout: object expected");
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var m = new $root.tensorboard.Layout();
            if (d.version != null) {
                if ($Number(d.version) !== 0) {
                    m.version = d.version | 0;
                }
            }
            if (d.category) {
                if (!$Array.isArray(d.category))
                    throw $TypeError(".tensorboard.Layout.category: array expected");
                m.category = $Array(d.category.length);
                for (var i = 0; i < d.category.length; ++i) {
                    if (!$util.isObject(d.category[i]))
                        throw $TypeError(".tensorboard.Layout.category: object expected");
                    m.category[i] = $root.tensorboard.Category.fromObject(d.category[i], q + 1);
                }
            }
            return m;
        };

        Layout.toObject = function (m, o, q) {
            if (!o)
                o = {};
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var d = {};
            if (o.arrays || o.defaults) {
                d.category = [];
            }
            if (o.defaults) {
                d.version = 0;
            }
            if (m.version != null && $Object.hasOwnProperty.call(m, "version")) {
                d.version = m.version;
            }
            if (m.category && m.category.length) {
                d.category = $Array(m.category.length);
                for (var j = 0; j < m.category.length; ++j) {
                    d.category[j] = $root.tensorboard.Category.toObject(m.category[j], o, q + 1);
                }
            }
            return d;
        };

        Layout.prototype.toJSON = function() {
            return Layout.toObject(this, $protobuf.util.toJSONOptions);
        };

        return Layout;
    })();

    return tensorboard;
})();

export const google = $root.google = (() => {

    const google = {};

    google.protobuf = (function() {

        const protobuf = {};

        protobuf.Struct = (function() {

            const Struct = function (p) {
                this.fields = {};
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            Struct.prototype.fields = $util.emptyObject;

            Struct.create = function(properties) {
                return new Struct(properties);
            };

            Struct.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.fields != null && $Object.hasOwnProperty.call(m, "fields")) {
                    for (var ks = $Object.keys(m.fields), i = 0; i < ks.length; ++i) {
                        w.uint32(10).fork().uint32(10).string(ks[i]);
                        $root.google.protobuf.Value.encode(m.fields[ks[i]], w.uint32(18).fork(), q + 1).ldelim().ldelim();
                    }
                }
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            Struct.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, k, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.google.protobuf.Struct();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if (m.fields === $util.emptyObject)
                                m.fields = {};
                            var c2 = r.size() + r.pos;
                            if (c2 > r.len)
                                throw $RangeError("index out of range");
                            r.len = c2;
                            k = "";
                            v = null;
                            while (r.pos < c2) {
                                var t2 = r.tag();
                                u = t2 & 7;
                                switch (t2 >>>= 3) {
                                case 1:
                                    if (u !== 2)
                                        break;
                                    k = r.stringVerify();
                                    continue;
                                case 2:
                                    if (u !== 2)
                                        break;
                                    v = $root.google.protobuf.Value.decode(r, r.size(), $undefined, q + 1, v);
                                    continue;
                                }
                                r.skipType(u, q, t2);
                            }
                            if (r.pos !== c2)
                                throw $RangeError("index out of range");
                            r.len = c;
                            if (k === "__proto__")
                                $util.makeProp(m.fields, k);
                            m.fields[k] = v || new $root.google.protobuf.Value();
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            Struct.fromObject = function (d, q) {
                if (d instanceof $root.google.protobuf.Struct)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".google.protobuf.Struct: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.google.protobuf.Struct();
                if (d.fields) {
                    if (!$util.isObject(d.fields))
                        throw $TypeError(".google.protobuf.Struct.fields: object expected");
                    m.fields = {};
                    for (var ks = $Object.keys(d.fields), i = 0; i < ks.length; ++i) {
                        if (ks[i] === "__proto__")
                            $util.makeProp(m.fields, ks[i]);
                        if (!$util.isObject(d.fields[ks[i]]))
                            throw $TypeError(".google.protobuf.Struct.fields: object expected");
                        m.fields[ks[i]] = $root.google.protobuf.Value.fromObject(d.fields[ks[i]], q + 1);
                    }
                }
                return m;
            };

            Struct.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.objects || o.defaults) {
                    d.fields = {};
                }
                var ks2;
                if (m.fields && (ks2 = $Object.keys(m.fields)).length) {
                    d.fields = {};
                    for (var j = 0; j < ks2.length; ++j) {
                        if (ks2[j] === "__proto__")
                            $util.makeProp(d.fields, ks2[j]);
                        d.fields[ks2[j]] = $root.google.protobuf.Value.toObject(m.fields[ks2[j]], o, q + 1);
                    }
                }
                return d;
            };

            Struct.prototype.toJSON = function() {
                return Struct.toObject(this, $protobuf.util.toJSONOptions);
            };

            return Struct;
        })();

        protobuf.Value = (function() {

            const Value = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            Value.prototype.nullValue = null;
            Value.prototype.numberValue = null;
            Value.prototype.stringValue = null;
            Value.prototype.boolValue = null;
            Value.prototype.structValue = null;
            Value.prototype.listValue = null;

            let $oneOfFields;

            $Object.defineProperty(Value.prototype, "kind", {
                get: $util.oneOfGetter($oneOfFields = ["nullValue", "numberValue", "stringValue", "boolValue", "structValue", "listValue"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            Value.create = function(properties) {
                return new Value(properties);
            };

            Value.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.nullValue != null && $Object.hasOwnProperty.call(m, "nullValue"))
                    w.uint32(8).int32(m.nullValue);
                if (m.numberValue != null && $Object.hasOwnProperty.call(m, "numberValue"))
                    w.uint32(17).double(m.numberValue);
                if (m.stringValue != null && $Object.hasOwnProperty.call(m, "stringValue"))
                    w.uint32(26).string(m.stringValue);
                if (m.boolValue != null && $Object.hasOwnProperty.call(m, "boolValue"))
                    w.uint32(32).bool(m.boolValue);
                if (m.structValue != null && $Object.hasOwnProperty.call(m, "structValue"))
                    $root.google.protobuf.Struct.encode(m.structValue, w.uint32(42).fork(), q + 1).ldelim();
                if (m.listValue != null && $Object.hasOwnProperty.call(m, "listValue"))
                    $root.google.protobuf.ListValue.encode(m.listValue, w.uint32(50).fork(), q + 1).ldelim();
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            Value.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.google.protobuf.Value();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 0)
                                break;
                            m.nullValue = r.int32();
                            m.kind = "nullValue";
                            continue;
                        }
                    case 2: {
                            if (u !== 1)
                                break;
                            m.numberValue = r.double();
                            m.kind = "numberValue";
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            m.stringValue = r.stringVerify();
                            m.kind = "stringValue";
                            continue;
                        }
                    case 4: {
                            if (u !== 0)
                                break;
                            m.boolValue = r.bool();
                            m.kind = "boolValue";
                            continue;
                        }
                    case 5: {
                            if (u !== 2)
                                break;
                            m.structValue = $root.google.protobuf.Struct.decode(r, r.size(), $undefined, q + 1, m.structValue);
                            m.kind = "structValue";
                            continue;
                        }
                    case 6: {
                            if (u !== 2)
                                break;
                            m.listValue = $root.google.protobuf.ListValue.decode(r, r.size(), $undefined, q + 1, m.listValue);
                            m.kind = "listValue";
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            Value.fromObject = function (d, q) {
                if (d instanceof $root.google.protobuf.Value)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".google.protobuf.Value: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.google.protobuf.Value();
                switch (d.nullValue) {
                case "NULL_VALUE":
                case 0:
                    m.nullValue = 0;
                    break;
                default:
                    if (typeof d.nullValue === "number" && (d.nullValue | 0) === d.nullValue)
                        m.nullValue = d.nullValue;
                }
                if (d.numberValue != null) {
                    m.numberValue = $Number(d.numberValue);
                }
                if (d.stringValue != null) {
                    m.stringValue = $String(d.stringValue);
                }
                if (d.boolValue != null) {
                    m.boolValue = $Boolean(d.boolValue);
                }
                if (d.structValue != null) {
                    if (!$util.isObject(d.structValue))
                        throw $TypeError(".google.protobuf.Value.structValue: object expected");
                    m.structValue = $root.google.protobuf.Struct.fromObject(d.structValue, q + 1);
                }
                if (d.listValue != null) {
                    if (!$util.isObject(d.listValue))
                        throw $TypeError(".google.protobuf.Value.listValue: object expected");
                    m.listValue = $root.google.protobuf.ListValue.fromObject(d.listValue, q + 1);
                }
                return m;
            };

            Value.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (m.nullValue != null && $Object.hasOwnProperty.call(m, "nullValue")) {
                    d.nullValue = o.enums === $String ? $root.google.protobuf.NullValue[m.nullValue] === $undefined ? m.nullValue : $root.google.protobuf.NullValue[m.nullValue] : m.nullValue;
                    if (o.oneofs)
                        d.kind = "nullValue";
                }
                if (m.numberValue != null && $Object.hasOwnProperty.call(m, "numberValue")) {
                    d.numberValue = o.json && !$isFinite(m.numberValue) ? $String(m.numberValue) : m.numberValue;
                    if (o.oneofs)
                        d.kind = "numberValue";
                }
                if (m.stringValue != null && $Object.hasOwnProperty.call(m, "stringValue")) {
                    d.stringValue = m.stringValue;
                    if (o.oneofs)
                        d.kind = "stringValue";
                }
                if (m.boolValue != null && $Object.hasOwnProperty.call(m, "boolValue")) {
                    d.boolValue = m.boolValue;
                    if (o.oneofs)
                        d.kind = "boolValue";
                }
                if (m.structValue != null && $Object.hasOwnProperty.call(m, "structValue")) {
                    d.structValue = $root.google.protobuf.Struct.toObject(m.structValue, o, q + 1);
                    if (o.oneofs)
                        d.kind = "structValue";
                }
                if (m.listValue != null && $Object.hasOwnProperty.call(m, "listValue")) {
                    d.listValue = $root.google.protobuf.ListValue.toObject(m.listValue, o, q + 1);
                    if (o.oneofs)
                        d.kind = "listValue";
                }
                return d;
            };

            Value.prototype.toJSON = function() {
                return Value.toObject(this, $protobuf.util.toJSONOptions);
            };

            return Value;
        })();

        protobuf.NullValue = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "NULL_VALUE"] = 0;
            return values;
        })();

        protobuf.ListValue = (function() {

            const ListValue = function (p) {
                this.values = [];
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            ListValue.prototype.values = $util.emptyArray;

            ListValue.create = function(properties) {
                return new ListValue(properties);
            };

            ListValue.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.values != null && m.values.length) {
                    for (var i = 0; i < m.values.length; ++i)
                        $root.google.protobuf.Value.encode(m.values[i], w.uint32(10).fork(), q + 1).ldelim();
                }
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            ListValue.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.google.protobuf.ListValue();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if (!(m.values && m.values.length))
                                m.values = [];
                            m.values.push($root.google.protobuf.Value.decode(r, r.size(), $undefined, q + 1));
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            ListValue.fromObject = function (d, q) {
                if (d instanceof $root.google.protobuf.ListValue)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".google.protobuf.ListValue: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.google.protobuf.ListValue();
                if (d.values) {
                    if (!$Array.isArray(d.values))
                        throw $TypeError(".google.protobuf.ListValue.values: array expected");
                    m.values = $Array(d.values.length);
                    for (var i = 0; i < d.values.length; ++i) {
                        if (!$util.isObject(d.values[i]))
                            throw $TypeError(".google.protobuf.ListValue.values: object expected");
                        m.values[i] = $root.google.protobuf.Value.fromObject(d.values[i], q + 1);
                    }
                }
                return m;
            };

            ListValue.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.arrays || o.defaults) {
                    d.values = [];
                }
                if (m.values && m.values.length) {
                    d.values = $Array(m.values.length);
                    for (var j = 0; j < m.values.length; ++j) {
                        d.values[j] = $root.google.protobuf.Value.toObject(m.values[j], o, q + 1);
                    }
                }
                return d;
            };

            ListValue.prototype.toJSON = function() {
                return ListValue.toObject(this, $protobuf.util.toJSONOptions);
            };

            return ListValue;
        })();

        return protobuf;
    })();

    return google;
})();

export {
  $root as default
};
