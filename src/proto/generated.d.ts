import * as $protobuf from "protobufjs/minimal.js";
import Long = require("long");

/** Namespace tensorboard. */
export namespace tensorboard {

    /**
     * Properties of an Event.
     * @deprecated Use tensorboard.Event.$Properties instead.
     */
    interface IEvent extends tensorboard.Event.$Properties {
    }

    /** Represents an Event. */
    class Event {

        /**
         * Constructs a new Event.
         * @param [properties] Properties to set
         */
        constructor(properties?: tensorboard.Event.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** Event wallTime. */
        wallTime: number;

        /** Event step. */
        step: (number|Long);

        /** Event fileVersion. */
        fileVersion?: (string|null);

        /** Event graphDef. */
        graphDef?: (Uint8Array|null);

        /** Event summary. */
        summary?: (tensorboard.Summary.$Properties|null);

        /** Event sessionLog. */
        sessionLog?: (tensorboard.SessionLog.$Properties|null);

        /** Event taggedRunMetadata. */
        taggedRunMetadata?: (tensorboard.TaggedRunMetadata.$Properties|null);

        /** Event metaGraphDef. */
        metaGraphDef?: (Uint8Array|null);

        /** Event sourceMetadata. */
        sourceMetadata?: (tensorboard.SourceMetadata.$Properties|null);

        /** Event what. */
        what?: ("fileVersion"|"graphDef"|"summary"|"sessionLog"|"taggedRunMetadata"|"metaGraphDef");

        /**
         * Creates a new Event instance using the specified properties.
         * @param [properties] Properties to set
         * @returns Event instance
         */
        static create(properties: tensorboard.Event.$Shape): tensorboard.Event & tensorboard.Event.$Shape;
        static create(properties?: tensorboard.Event.$Properties): tensorboard.Event;

        /**
         * Encodes the specified Event message. Does not implicitly {@link tensorboard.Event.verify|verify} messages.
         * @param message Event message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: tensorboard.Event.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an Event message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {tensorboard.Event & tensorboard.Event.$Shape} Event
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tensorboard.Event & tensorboard.Event.$Shape;
    }

    namespace Event {

        /** Properties of an Event. */
        interface $Properties {

            /** Event wallTime */
            wallTime?: (number|null);

            /** Event step */
            step?: (number|Long|null);

            /** Event fileVersion */
            fileVersion?: (string|null);

            /** Event graphDef */
            graphDef?: (Uint8Array|null);

            /** Event summary */
            summary?: (tensorboard.Summary.$Properties|null);

            /** Event sessionLog */
            sessionLog?: (tensorboard.SessionLog.$Properties|null);

            /** Event taggedRunMetadata */
            taggedRunMetadata?: (tensorboard.TaggedRunMetadata.$Properties|null);

            /** Event metaGraphDef */
            metaGraphDef?: (Uint8Array|null);

            /** Event sourceMetadata */
            sourceMetadata?: (tensorboard.SourceMetadata.$Properties|null);

            /** Event what */
            what?: ("fileVersion"|"graphDef"|"summary"|"sessionLog"|"taggedRunMetadata"|"metaGraphDef");

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Narrowed shape of an Event. */
        type $Shape = {
          wallTime?: number|null;
          step?: number|Long|null;
          fileVersion?: string|null;
          graphDef?: Uint8Array|null;
          summary?: tensorboard.Summary.$Shape|null;
          sessionLog?: tensorboard.SessionLog.$Shape|null;
          taggedRunMetadata?: tensorboard.TaggedRunMetadata.$Shape|null;
          metaGraphDef?: Uint8Array|null;
          sourceMetadata?: tensorboard.SourceMetadata.$Shape|null;
          $unknowns?: Uint8Array[];
        } & (
          ({ what?: undefined; fileVersion?: null; graphDef?: null; summary?: null; sessionLog?: null; taggedRunMetadata?: null; metaGraphDef?: null }|{ what?: "fileVersion"; fileVersion: string; graphDef?: null; summary?: null; sessionLog?: null; taggedRunMetadata?: null; metaGraphDef?: null }|{ what?: "graphDef"; fileVersion?: null; graphDef: Uint8Array; summary?: null; sessionLog?: null; taggedRunMetadata?: null; metaGraphDef?: null }|{ what?: "summary"; fileVersion?: null; graphDef?: null; summary: tensorboard.Summary.$Shape; sessionLog?: null; taggedRunMetadata?: null; metaGraphDef?: null }|{ what?: "sessionLog"; fileVersion?: null; graphDef?: null; summary?: null; sessionLog: tensorboard.SessionLog.$Shape; taggedRunMetadata?: null; metaGraphDef?: null }|{ what?: "taggedRunMetadata"; fileVersion?: null; graphDef?: null; summary?: null; sessionLog?: null; taggedRunMetadata: tensorboard.TaggedRunMetadata.$Shape; metaGraphDef?: null }|{ what?: "metaGraphDef"; fileVersion?: null; graphDef?: null; summary?: null; sessionLog?: null; taggedRunMetadata?: null; metaGraphDef: Uint8Array })
        );
    }

    /**
     * Properties of a SourceMetadata.
     * @deprecated Use tensorboard.SourceMetadata.$Properties instead.
     */
    interface ISourceMetadata extends tensorboard.SourceMetadata.$Properties {
    }

    /** Represents a SourceMetadata. */
    class SourceMetadata {

        /**
         * Constructs a new SourceMetadata.
         * @param [properties] Properties to set
         */
        constructor(properties?: tensorboard.SourceMetadata.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** SourceMetadata writer. */
        writer: string;

        /**
         * Creates a new SourceMetadata instance using the specified properties.
         * @param [properties] Properties to set
         * @returns SourceMetadata instance
         */
        static create(properties: tensorboard.SourceMetadata.$Shape): tensorboard.SourceMetadata & tensorboard.SourceMetadata.$Shape;
        static create(properties?: tensorboard.SourceMetadata.$Properties): tensorboard.SourceMetadata;

        /**
         * Encodes the specified SourceMetadata message. Does not implicitly {@link tensorboard.SourceMetadata.verify|verify} messages.
         * @param message SourceMetadata message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: tensorboard.SourceMetadata.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a SourceMetadata message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {tensorboard.SourceMetadata & tensorboard.SourceMetadata.$Shape} SourceMetadata
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tensorboard.SourceMetadata & tensorboard.SourceMetadata.$Shape;
    }

    namespace SourceMetadata {

        /** Properties of a SourceMetadata. */
        interface $Properties {

            /** SourceMetadata writer */
            writer?: (string|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a SourceMetadata. */
        type $Shape = tensorboard.SourceMetadata.$Properties;
    }

    /**
     * Properties of a SessionLog.
     * @deprecated Use tensorboard.SessionLog.$Properties instead.
     */
    interface ISessionLog extends tensorboard.SessionLog.$Properties {
    }

    /** Represents a SessionLog. */
    class SessionLog {

        /**
         * Constructs a new SessionLog.
         * @param [properties] Properties to set
         */
        constructor(properties?: tensorboard.SessionLog.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** SessionLog status. */
        status: tensorboard.SessionLog.SessionStatus;

        /** SessionLog checkpointPath. */
        checkpointPath: string;

        /** SessionLog msg. */
        msg: string;

        /**
         * Creates a new SessionLog instance using the specified properties.
         * @param [properties] Properties to set
         * @returns SessionLog instance
         */
        static create(properties: tensorboard.SessionLog.$Shape): tensorboard.SessionLog & tensorboard.SessionLog.$Shape;
        static create(properties?: tensorboard.SessionLog.$Properties): tensorboard.SessionLog;

        /**
         * Encodes the specified SessionLog message. Does not implicitly {@link tensorboard.SessionLog.verify|verify} messages.
         * @param message SessionLog message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: tensorboard.SessionLog.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a SessionLog message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {tensorboard.SessionLog & tensorboard.SessionLog.$Shape} SessionLog
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tensorboard.SessionLog & tensorboard.SessionLog.$Shape;
    }

    namespace SessionLog {

        /** Properties of a SessionLog. */
        interface $Properties {

            /** SessionLog status */
            status?: (tensorboard.SessionLog.SessionStatus|null);

            /** SessionLog checkpointPath */
            checkpointPath?: (string|null);

            /** SessionLog msg */
            msg?: (string|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a SessionLog. */
        type $Shape = tensorboard.SessionLog.$Properties;

        /** SessionStatus enum. */
        enum SessionStatus {

            /** STATUS_UNSPECIFIED value */
            STATUS_UNSPECIFIED = 0,

            /** START value */
            START = 1,

            /** STOP value */
            STOP = 2,

            /** CHECKPOINT value */
            CHECKPOINT = 3
        }
    }

    /**
     * Properties of a TaggedRunMetadata.
     * @deprecated Use tensorboard.TaggedRunMetadata.$Properties instead.
     */
    interface ITaggedRunMetadata extends tensorboard.TaggedRunMetadata.$Properties {
    }

    /** Represents a TaggedRunMetadata. */
    class TaggedRunMetadata {

        /**
         * Constructs a new TaggedRunMetadata.
         * @param [properties] Properties to set
         */
        constructor(properties?: tensorboard.TaggedRunMetadata.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** TaggedRunMetadata tag. */
        tag: string;

        /** TaggedRunMetadata runMetadata. */
        runMetadata: Uint8Array;

        /**
         * Creates a new TaggedRunMetadata instance using the specified properties.
         * @param [properties] Properties to set
         * @returns TaggedRunMetadata instance
         */
        static create(properties: tensorboard.TaggedRunMetadata.$Shape): tensorboard.TaggedRunMetadata & tensorboard.TaggedRunMetadata.$Shape;
        static create(properties?: tensorboard.TaggedRunMetadata.$Properties): tensorboard.TaggedRunMetadata;

        /**
         * Encodes the specified TaggedRunMetadata message. Does not implicitly {@link tensorboard.TaggedRunMetadata.verify|verify} messages.
         * @param message TaggedRunMetadata message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: tensorboard.TaggedRunMetadata.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a TaggedRunMetadata message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {tensorboard.TaggedRunMetadata & tensorboard.TaggedRunMetadata.$Shape} TaggedRunMetadata
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tensorboard.TaggedRunMetadata & tensorboard.TaggedRunMetadata.$Shape;
    }

    namespace TaggedRunMetadata {

        /** Properties of a TaggedRunMetadata. */
        interface $Properties {

            /** TaggedRunMetadata tag */
            tag?: (string|null);

            /** TaggedRunMetadata runMetadata */
            runMetadata?: (Uint8Array|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a TaggedRunMetadata. */
        type $Shape = tensorboard.TaggedRunMetadata.$Properties;
    }

    /** DataClass enum. */
    enum DataClass {

        /** DATA_CLASS_UNKNOWN value */
        DATA_CLASS_UNKNOWN = 0,

        /** DATA_CLASS_SCALAR value */
        DATA_CLASS_SCALAR = 1,

        /** DATA_CLASS_TENSOR value */
        DATA_CLASS_TENSOR = 2,

        /** DATA_CLASS_BLOB_SEQUENCE value */
        DATA_CLASS_BLOB_SEQUENCE = 3
    }

    /**
     * Properties of a SummaryMetadata.
     * @deprecated Use tensorboard.SummaryMetadata.$Properties instead.
     */
    interface ISummaryMetadata extends tensorboard.SummaryMetadata.$Properties {
    }

    /** Represents a SummaryMetadata. */
    class SummaryMetadata {

        /**
         * Constructs a new SummaryMetadata.
         * @param [properties] Properties to set
         */
        constructor(properties?: tensorboard.SummaryMetadata.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** SummaryMetadata pluginData. */
        pluginData?: (tensorboard.SummaryMetadata.PluginData.$Properties|null);

        /** SummaryMetadata displayName. */
        displayName: string;

        /** SummaryMetadata summaryDescription. */
        summaryDescription: string;

        /** SummaryMetadata dataClass. */
        dataClass: tensorboard.DataClass;

        /**
         * Creates a new SummaryMetadata instance using the specified properties.
         * @param [properties] Properties to set
         * @returns SummaryMetadata instance
         */
        static create(properties: tensorboard.SummaryMetadata.$Shape): tensorboard.SummaryMetadata & tensorboard.SummaryMetadata.$Shape;
        static create(properties?: tensorboard.SummaryMetadata.$Properties): tensorboard.SummaryMetadata;

        /**
         * Encodes the specified SummaryMetadata message. Does not implicitly {@link tensorboard.SummaryMetadata.verify|verify} messages.
         * @param message SummaryMetadata message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: tensorboard.SummaryMetadata.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a SummaryMetadata message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {tensorboard.SummaryMetadata & tensorboard.SummaryMetadata.$Shape} SummaryMetadata
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tensorboard.SummaryMetadata & tensorboard.SummaryMetadata.$Shape;
    }

    namespace SummaryMetadata {

        /** Properties of a SummaryMetadata. */
        interface $Properties {

            /** SummaryMetadata pluginData */
            pluginData?: (tensorboard.SummaryMetadata.PluginData.$Properties|null);

            /** SummaryMetadata displayName */
            displayName?: (string|null);

            /** SummaryMetadata summaryDescription */
            summaryDescription?: (string|null);

            /** SummaryMetadata dataClass */
            dataClass?: (tensorboard.DataClass|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a SummaryMetadata. */
        type $Shape = tensorboard.SummaryMetadata.$Properties;

        /**
         * Properties of a PluginData.
         * @deprecated Use tensorboard.SummaryMetadata.PluginData.$Properties instead.
         */
        interface IPluginData extends tensorboard.SummaryMetadata.PluginData.$Properties {
        }

        /** Represents a PluginData. */
        class PluginData {

            /**
             * Constructs a new PluginData.
             * @param [properties] Properties to set
             */
            constructor(properties?: tensorboard.SummaryMetadata.PluginData.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** PluginData pluginName. */
            pluginName: string;

            /** PluginData content. */
            content: Uint8Array;

            /**
             * Creates a new PluginData instance using the specified properties.
             * @param [properties] Properties to set
             * @returns PluginData instance
             */
            static create(properties: tensorboard.SummaryMetadata.PluginData.$Shape): tensorboard.SummaryMetadata.PluginData & tensorboard.SummaryMetadata.PluginData.$Shape;
            static create(properties?: tensorboard.SummaryMetadata.PluginData.$Properties): tensorboard.SummaryMetadata.PluginData;

            /**
             * Encodes the specified PluginData message. Does not implicitly {@link tensorboard.SummaryMetadata.PluginData.verify|verify} messages.
             * @param message PluginData message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: tensorboard.SummaryMetadata.PluginData.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a PluginData message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {tensorboard.SummaryMetadata.PluginData & tensorboard.SummaryMetadata.PluginData.$Shape} PluginData
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tensorboard.SummaryMetadata.PluginData & tensorboard.SummaryMetadata.PluginData.$Shape;
        }

        namespace PluginData {

            /** Properties of a PluginData. */
            interface $Properties {

                /** PluginData pluginName */
                pluginName?: (string|null);

                /** PluginData content */
                content?: (Uint8Array|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a PluginData. */
            type $Shape = tensorboard.SummaryMetadata.PluginData.$Properties;
        }
    }

    /**
     * Properties of a Summary.
     * @deprecated Use tensorboard.Summary.$Properties instead.
     */
    interface ISummary extends tensorboard.Summary.$Properties {
    }

    /** Represents a Summary. */
    class Summary {

        /**
         * Constructs a new Summary.
         * @param [properties] Properties to set
         */
        constructor(properties?: tensorboard.Summary.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** Summary value. */
        value: tensorboard.Summary.Value.$Properties[];

        /**
         * Creates a new Summary instance using the specified properties.
         * @param [properties] Properties to set
         * @returns Summary instance
         */
        static create(properties: tensorboard.Summary.$Shape): tensorboard.Summary & tensorboard.Summary.$Shape;
        static create(properties?: tensorboard.Summary.$Properties): tensorboard.Summary;

        /**
         * Encodes the specified Summary message. Does not implicitly {@link tensorboard.Summary.verify|verify} messages.
         * @param message Summary message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: tensorboard.Summary.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a Summary message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {tensorboard.Summary & tensorboard.Summary.$Shape} Summary
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tensorboard.Summary & tensorboard.Summary.$Shape;
    }

    namespace Summary {

        /** Properties of a Summary. */
        interface $Properties {

            /** Summary value */
            value?: (tensorboard.Summary.Value.$Properties[]|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a Summary. */
        type $Shape = {
          value?: tensorboard.Summary.Value.$Shape[]|null;
          $unknowns?: Uint8Array[];
        };

        /**
         * Properties of an Image.
         * @deprecated Use tensorboard.Summary.Image.$Properties instead.
         */
        interface IImage extends tensorboard.Summary.Image.$Properties {
        }

        /** Represents an Image. */
        class Image {

            /**
             * Constructs a new Image.
             * @param [properties] Properties to set
             */
            constructor(properties?: tensorboard.Summary.Image.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Image height. */
            height: number;

            /** Image width. */
            width: number;

            /** Image colorspace. */
            colorspace: number;

            /** Image encodedImageString. */
            encodedImageString: Uint8Array;

            /**
             * Creates a new Image instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Image instance
             */
            static create(properties: tensorboard.Summary.Image.$Shape): tensorboard.Summary.Image & tensorboard.Summary.Image.$Shape;
            static create(properties?: tensorboard.Summary.Image.$Properties): tensorboard.Summary.Image;

            /**
             * Encodes the specified Image message. Does not implicitly {@link tensorboard.Summary.Image.verify|verify} messages.
             * @param message Image message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: tensorboard.Summary.Image.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an Image message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {tensorboard.Summary.Image & tensorboard.Summary.Image.$Shape} Image
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tensorboard.Summary.Image & tensorboard.Summary.Image.$Shape;
        }

        namespace Image {

            /** Properties of an Image. */
            interface $Properties {

                /** Image height */
                height?: (number|null);

                /** Image width */
                width?: (number|null);

                /** Image colorspace */
                colorspace?: (number|null);

                /** Image encodedImageString */
                encodedImageString?: (Uint8Array|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of an Image. */
            type $Shape = tensorboard.Summary.Image.$Properties;
        }

        /**
         * Properties of an Audio.
         * @deprecated Use tensorboard.Summary.Audio.$Properties instead.
         */
        interface IAudio extends tensorboard.Summary.Audio.$Properties {
        }

        /** Represents an Audio. */
        class Audio {

            /**
             * Constructs a new Audio.
             * @param [properties] Properties to set
             */
            constructor(properties?: tensorboard.Summary.Audio.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Audio sampleRate. */
            sampleRate: number;

            /** Audio numChannels. */
            numChannels: (number|Long);

            /** Audio lengthFrames. */
            lengthFrames: (number|Long);

            /** Audio encodedAudioString. */
            encodedAudioString: Uint8Array;

            /** Audio contentType. */
            contentType: string;

            /**
             * Creates a new Audio instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Audio instance
             */
            static create(properties: tensorboard.Summary.Audio.$Shape): tensorboard.Summary.Audio & tensorboard.Summary.Audio.$Shape;
            static create(properties?: tensorboard.Summary.Audio.$Properties): tensorboard.Summary.Audio;

            /**
             * Encodes the specified Audio message. Does not implicitly {@link tensorboard.Summary.Audio.verify|verify} messages.
             * @param message Audio message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: tensorboard.Summary.Audio.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an Audio message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {tensorboard.Summary.Audio & tensorboard.Summary.Audio.$Shape} Audio
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tensorboard.Summary.Audio & tensorboard.Summary.Audio.$Shape;
        }

        namespace Audio {

            /** Properties of an Audio. */
            interface $Properties {

                /** Audio sampleRate */
                sampleRate?: (number|null);

                /** Audio numChannels */
                numChannels?: (number|Long|null);

                /** Audio lengthFrames */
                lengthFrames?: (number|Long|null);

                /** Audio encodedAudioString */
                encodedAudioString?: (Uint8Array|null);

                /** Audio contentType */
                contentType?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of an Audio. */
            type $Shape = tensorboard.Summary.Audio.$Properties;
        }

        /**
         * Properties of a Value.
         * @deprecated Use tensorboard.Summary.Value.$Properties instead.
         */
        interface IValue extends tensorboard.Summary.Value.$Properties {
        }

        /** Represents a Value. */
        class Value {

            /**
             * Constructs a new Value.
             * @param [properties] Properties to set
             */
            constructor(properties?: tensorboard.Summary.Value.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Value nodeName. */
            nodeName: string;

            /** Value tag. */
            tag: string;

            /** Value metadata. */
            metadata?: (tensorboard.SummaryMetadata.$Properties|null);

            /** Value simpleValue. */
            simpleValue?: (number|null);

            /** Value obsoleteOldStyleHistogram. */
            obsoleteOldStyleHistogram?: (Uint8Array|null);

            /** Value image. */
            image?: (tensorboard.Summary.Image.$Properties|null);

            /** Value histo. */
            histo?: (tensorboard.HistogramProto.$Properties|null);

            /** Value audio. */
            audio?: (tensorboard.Summary.Audio.$Properties|null);

            /** Value tensor. */
            tensor?: (tensorboard.TensorProto.$Properties|null);

            /** Value value. */
            value?: ("simpleValue"|"obsoleteOldStyleHistogram"|"image"|"histo"|"audio"|"tensor");

            /**
             * Creates a new Value instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Value instance
             */
            static create(properties: tensorboard.Summary.Value.$Shape): tensorboard.Summary.Value & tensorboard.Summary.Value.$Shape;
            static create(properties?: tensorboard.Summary.Value.$Properties): tensorboard.Summary.Value;

            /**
             * Encodes the specified Value message. Does not implicitly {@link tensorboard.Summary.Value.verify|verify} messages.
             * @param message Value message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: tensorboard.Summary.Value.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Value message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {tensorboard.Summary.Value & tensorboard.Summary.Value.$Shape} Value
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tensorboard.Summary.Value & tensorboard.Summary.Value.$Shape;
        }

        namespace Value {

            /** Properties of a Value. */
            interface $Properties {

                /** Value nodeName */
                nodeName?: (string|null);

                /** Value tag */
                tag?: (string|null);

                /** Value metadata */
                metadata?: (tensorboard.SummaryMetadata.$Properties|null);

                /** Value simpleValue */
                simpleValue?: (number|null);

                /** Value obsoleteOldStyleHistogram */
                obsoleteOldStyleHistogram?: (Uint8Array|null);

                /** Value image */
                image?: (tensorboard.Summary.Image.$Properties|null);

                /** Value histo */
                histo?: (tensorboard.HistogramProto.$Properties|null);

                /** Value audio */
                audio?: (tensorboard.Summary.Audio.$Properties|null);

                /** Value tensor */
                tensor?: (tensorboard.TensorProto.$Properties|null);

                /** Value value */
                value?: ("simpleValue"|"obsoleteOldStyleHistogram"|"image"|"histo"|"audio"|"tensor");

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Narrowed shape of a Value. */
            type $Shape = {
              nodeName?: string|null;
              tag?: string|null;
              metadata?: tensorboard.SummaryMetadata.$Shape|null;
              simpleValue?: number|null;
              obsoleteOldStyleHistogram?: Uint8Array|null;
              image?: tensorboard.Summary.Image.$Shape|null;
              histo?: tensorboard.HistogramProto.$Shape|null;
              audio?: tensorboard.Summary.Audio.$Shape|null;
              tensor?: tensorboard.TensorProto.$Shape|null;
              $unknowns?: Uint8Array[];
            } & (
              ({ value?: undefined; simpleValue?: null; obsoleteOldStyleHistogram?: null; image?: null; histo?: null; audio?: null; tensor?: null }|{ value?: "simpleValue"; simpleValue: number; obsoleteOldStyleHistogram?: null; image?: null; histo?: null; audio?: null; tensor?: null }|{ value?: "obsoleteOldStyleHistogram"; simpleValue?: null; obsoleteOldStyleHistogram: Uint8Array; image?: null; histo?: null; audio?: null; tensor?: null }|{ value?: "image"; simpleValue?: null; obsoleteOldStyleHistogram?: null; image: tensorboard.Summary.Image.$Shape; histo?: null; audio?: null; tensor?: null }|{ value?: "histo"; simpleValue?: null; obsoleteOldStyleHistogram?: null; image?: null; histo: tensorboard.HistogramProto.$Shape; audio?: null; tensor?: null }|{ value?: "audio"; simpleValue?: null; obsoleteOldStyleHistogram?: null; image?: null; histo?: null; audio: tensorboard.Summary.Audio.$Shape; tensor?: null }|{ value?: "tensor"; simpleValue?: null; obsoleteOldStyleHistogram?: null; image?: null; histo?: null; audio?: null; tensor: tensorboard.TensorProto.$Shape })
            );
        }
    }

    /**
     * Properties of a HistogramProto.
     * @deprecated Use tensorboard.HistogramProto.$Properties instead.
     */
    interface IHistogramProto extends tensorboard.HistogramProto.$Properties {
    }

    /** Represents a HistogramProto. */
    class HistogramProto {

        /**
         * Constructs a new HistogramProto.
         * @param [properties] Properties to set
         */
        constructor(properties?: tensorboard.HistogramProto.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** HistogramProto min. */
        min: number;

        /** HistogramProto max. */
        max: number;

        /** HistogramProto num. */
        num: number;

        /** HistogramProto sum. */
        sum: number;

        /** HistogramProto sumSquares. */
        sumSquares: number;

        /** HistogramProto bucketLimit. */
        bucketLimit: number[];

        /** HistogramProto bucket. */
        bucket: number[];

        /**
         * Creates a new HistogramProto instance using the specified properties.
         * @param [properties] Properties to set
         * @returns HistogramProto instance
         */
        static create(properties: tensorboard.HistogramProto.$Shape): tensorboard.HistogramProto & tensorboard.HistogramProto.$Shape;
        static create(properties?: tensorboard.HistogramProto.$Properties): tensorboard.HistogramProto;

        /**
         * Encodes the specified HistogramProto message. Does not implicitly {@link tensorboard.HistogramProto.verify|verify} messages.
         * @param message HistogramProto message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: tensorboard.HistogramProto.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a HistogramProto message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {tensorboard.HistogramProto & tensorboard.HistogramProto.$Shape} HistogramProto
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tensorboard.HistogramProto & tensorboard.HistogramProto.$Shape;
    }

    namespace HistogramProto {

        /** Properties of a HistogramProto. */
        interface $Properties {

            /** HistogramProto min */
            min?: (number|null);

            /** HistogramProto max */
            max?: (number|null);

            /** HistogramProto num */
            num?: (number|null);

            /** HistogramProto sum */
            sum?: (number|null);

            /** HistogramProto sumSquares */
            sumSquares?: (number|null);

            /** HistogramProto bucketLimit */
            bucketLimit?: (number[]|null);

            /** HistogramProto bucket */
            bucket?: (number[]|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a HistogramProto. */
        type $Shape = tensorboard.HistogramProto.$Properties;
    }

    /** DataType enum. */
    enum DataType {

        /** DT_INVALID value */
        DT_INVALID = 0,

        /** DT_FLOAT value */
        DT_FLOAT = 1,

        /** DT_DOUBLE value */
        DT_DOUBLE = 2,

        /** DT_INT32 value */
        DT_INT32 = 3,

        /** DT_UINT8 value */
        DT_UINT8 = 4,

        /** DT_INT16 value */
        DT_INT16 = 5,

        /** DT_INT8 value */
        DT_INT8 = 6,

        /** DT_STRING value */
        DT_STRING = 7,

        /** DT_INT64 value */
        DT_INT64 = 9,

        /** DT_BOOL value */
        DT_BOOL = 10,

        /** DT_HALF value */
        DT_HALF = 19
    }

    /**
     * Properties of a TensorShapeProto.
     * @deprecated Use tensorboard.TensorShapeProto.$Properties instead.
     */
    interface ITensorShapeProto extends tensorboard.TensorShapeProto.$Properties {
    }

    /** Represents a TensorShapeProto. */
    class TensorShapeProto {

        /**
         * Constructs a new TensorShapeProto.
         * @param [properties] Properties to set
         */
        constructor(properties?: tensorboard.TensorShapeProto.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** TensorShapeProto dim. */
        dim: tensorboard.TensorShapeProto.Dim.$Properties[];

        /** TensorShapeProto unknownRank. */
        unknownRank: boolean;

        /**
         * Creates a new TensorShapeProto instance using the specified properties.
         * @param [properties] Properties to set
         * @returns TensorShapeProto instance
         */
        static create(properties: tensorboard.TensorShapeProto.$Shape): tensorboard.TensorShapeProto & tensorboard.TensorShapeProto.$Shape;
        static create(properties?: tensorboard.TensorShapeProto.$Properties): tensorboard.TensorShapeProto;

        /**
         * Encodes the specified TensorShapeProto message. Does not implicitly {@link tensorboard.TensorShapeProto.verify|verify} messages.
         * @param message TensorShapeProto message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: tensorboard.TensorShapeProto.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a TensorShapeProto message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {tensorboard.TensorShapeProto & tensorboard.TensorShapeProto.$Shape} TensorShapeProto
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tensorboard.TensorShapeProto & tensorboard.TensorShapeProto.$Shape;
    }

    namespace TensorShapeProto {

        /** Properties of a TensorShapeProto. */
        interface $Properties {

            /** TensorShapeProto dim */
            dim?: (tensorboard.TensorShapeProto.Dim.$Properties[]|null);

            /** TensorShapeProto unknownRank */
            unknownRank?: (boolean|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a TensorShapeProto. */
        type $Shape = tensorboard.TensorShapeProto.$Properties;

        /**
         * Properties of a Dim.
         * @deprecated Use tensorboard.TensorShapeProto.Dim.$Properties instead.
         */
        interface IDim extends tensorboard.TensorShapeProto.Dim.$Properties {
        }

        /** Represents a Dim. */
        class Dim {

            /**
             * Constructs a new Dim.
             * @param [properties] Properties to set
             */
            constructor(properties?: tensorboard.TensorShapeProto.Dim.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Dim size. */
            size: (number|Long);

            /** Dim name. */
            name: string;

            /**
             * Creates a new Dim instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Dim instance
             */
            static create(properties: tensorboard.TensorShapeProto.Dim.$Shape): tensorboard.TensorShapeProto.Dim & tensorboard.TensorShapeProto.Dim.$Shape;
            static create(properties?: tensorboard.TensorShapeProto.Dim.$Properties): tensorboard.TensorShapeProto.Dim;

            /**
             * Encodes the specified Dim message. Does not implicitly {@link tensorboard.TensorShapeProto.Dim.verify|verify} messages.
             * @param message Dim message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: tensorboard.TensorShapeProto.Dim.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Dim message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {tensorboard.TensorShapeProto.Dim & tensorboard.TensorShapeProto.Dim.$Shape} Dim
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tensorboard.TensorShapeProto.Dim & tensorboard.TensorShapeProto.Dim.$Shape;
        }

        namespace Dim {

            /** Properties of a Dim. */
            interface $Properties {

                /** Dim size */
                size?: (number|Long|null);

                /** Dim name */
                name?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a Dim. */
            type $Shape = tensorboard.TensorShapeProto.Dim.$Properties;
        }
    }

    /**
     * Properties of a TensorProto.
     * @deprecated Use tensorboard.TensorProto.$Properties instead.
     */
    interface ITensorProto extends tensorboard.TensorProto.$Properties {
    }

    /** Represents a TensorProto. */
    class TensorProto {

        /**
         * Constructs a new TensorProto.
         * @param [properties] Properties to set
         */
        constructor(properties?: tensorboard.TensorProto.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** TensorProto dtype. */
        dtype: tensorboard.DataType;

        /** TensorProto tensorShape. */
        tensorShape?: (tensorboard.TensorShapeProto.$Properties|null);

        /** TensorProto versionNumber. */
        versionNumber: number;

        /** TensorProto tensorContent. */
        tensorContent: Uint8Array;

        /** TensorProto floatVal. */
        floatVal: number[];

        /** TensorProto doubleVal. */
        doubleVal: number[];

        /** TensorProto intVal. */
        intVal: number[];

        /** TensorProto stringVal. */
        stringVal: Uint8Array[];

        /** TensorProto int64Val. */
        int64Val: (number|Long)[];

        /** TensorProto boolVal. */
        boolVal: boolean[];

        /** TensorProto halfVal. */
        halfVal: number[];

        /**
         * Creates a new TensorProto instance using the specified properties.
         * @param [properties] Properties to set
         * @returns TensorProto instance
         */
        static create(properties: tensorboard.TensorProto.$Shape): tensorboard.TensorProto & tensorboard.TensorProto.$Shape;
        static create(properties?: tensorboard.TensorProto.$Properties): tensorboard.TensorProto;

        /**
         * Encodes the specified TensorProto message. Does not implicitly {@link tensorboard.TensorProto.verify|verify} messages.
         * @param message TensorProto message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: tensorboard.TensorProto.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a TensorProto message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {tensorboard.TensorProto & tensorboard.TensorProto.$Shape} TensorProto
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tensorboard.TensorProto & tensorboard.TensorProto.$Shape;
    }

    namespace TensorProto {

        /** Properties of a TensorProto. */
        interface $Properties {

            /** TensorProto dtype */
            dtype?: (tensorboard.DataType|null);

            /** TensorProto tensorShape */
            tensorShape?: (tensorboard.TensorShapeProto.$Properties|null);

            /** TensorProto versionNumber */
            versionNumber?: (number|null);

            /** TensorProto tensorContent */
            tensorContent?: (Uint8Array|null);

            /** TensorProto floatVal */
            floatVal?: (number[]|null);

            /** TensorProto doubleVal */
            doubleVal?: (number[]|null);

            /** TensorProto intVal */
            intVal?: (number[]|null);

            /** TensorProto stringVal */
            stringVal?: (Uint8Array[]|null);

            /** TensorProto int64Val */
            int64Val?: ((number|Long)[]|null);

            /** TensorProto boolVal */
            boolVal?: (boolean[]|null);

            /** TensorProto halfVal */
            halfVal?: (number[]|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a TensorProto. */
        type $Shape = tensorboard.TensorProto.$Properties;
    }

    /** Namespace hparams. */
    namespace hparams {

        /** DataType enum. */
        enum DataType {

            /** DATA_TYPE_UNSET value */
            DATA_TYPE_UNSET = 0,

            /** DATA_TYPE_STRING value */
            DATA_TYPE_STRING = 1,

            /** DATA_TYPE_BOOL value */
            DATA_TYPE_BOOL = 2,

            /** DATA_TYPE_FLOAT64 value */
            DATA_TYPE_FLOAT64 = 3
        }

        /** DatasetType enum. */
        enum DatasetType {

            /** DATASET_UNKNOWN value */
            DATASET_UNKNOWN = 0,

            /** DATASET_TRAINING value */
            DATASET_TRAINING = 1,

            /** DATASET_VALIDATION value */
            DATASET_VALIDATION = 2
        }

        /** Status enum. */
        enum Status {

            /** STATUS_UNKNOWN value */
            STATUS_UNKNOWN = 0,

            /** STATUS_SUCCESS value */
            STATUS_SUCCESS = 1,

            /** STATUS_FAILURE value */
            STATUS_FAILURE = 2,

            /** STATUS_RUNNING value */
            STATUS_RUNNING = 3
        }

        /**
         * Properties of an Interval.
         * @deprecated Use tensorboard.hparams.Interval.$Properties instead.
         */
        interface IInterval extends tensorboard.hparams.Interval.$Properties {
        }

        /** Represents an Interval. */
        class Interval {

            /**
             * Constructs a new Interval.
             * @param [properties] Properties to set
             */
            constructor(properties?: tensorboard.hparams.Interval.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Interval minValue. */
            minValue: number;

            /** Interval maxValue. */
            maxValue: number;

            /**
             * Creates a new Interval instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Interval instance
             */
            static create(properties: tensorboard.hparams.Interval.$Shape): tensorboard.hparams.Interval & tensorboard.hparams.Interval.$Shape;
            static create(properties?: tensorboard.hparams.Interval.$Properties): tensorboard.hparams.Interval;

            /**
             * Encodes the specified Interval message. Does not implicitly {@link tensorboard.hparams.Interval.verify|verify} messages.
             * @param message Interval message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: tensorboard.hparams.Interval.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an Interval message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {tensorboard.hparams.Interval & tensorboard.hparams.Interval.$Shape} Interval
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tensorboard.hparams.Interval & tensorboard.hparams.Interval.$Shape;
        }

        namespace Interval {

            /** Properties of an Interval. */
            interface $Properties {

                /** Interval minValue */
                minValue?: (number|null);

                /** Interval maxValue */
                maxValue?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of an Interval. */
            type $Shape = tensorboard.hparams.Interval.$Properties;
        }

        /**
         * Properties of a HParamInfo.
         * @deprecated Use tensorboard.hparams.HParamInfo.$Properties instead.
         */
        interface IHParamInfo extends tensorboard.hparams.HParamInfo.$Properties {
        }

        /** Represents a HParamInfo. */
        class HParamInfo {

            /**
             * Constructs a new HParamInfo.
             * @param [properties] Properties to set
             */
            constructor(properties?: tensorboard.hparams.HParamInfo.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** HParamInfo name. */
            name: string;

            /** HParamInfo displayName. */
            displayName: string;

            /** HParamInfo description. */
            description: string;

            /** HParamInfo type. */
            type: tensorboard.hparams.DataType;

            /** HParamInfo domainDiscrete. */
            domainDiscrete?: (google.protobuf.ListValue.$Properties|null);

            /** HParamInfo domainInterval. */
            domainInterval?: (tensorboard.hparams.Interval.$Properties|null);

            /** HParamInfo domain. */
            domain?: ("domainDiscrete"|"domainInterval");

            /**
             * Creates a new HParamInfo instance using the specified properties.
             * @param [properties] Properties to set
             * @returns HParamInfo instance
             */
            static create(properties: tensorboard.hparams.HParamInfo.$Shape): tensorboard.hparams.HParamInfo & tensorboard.hparams.HParamInfo.$Shape;
            static create(properties?: tensorboard.hparams.HParamInfo.$Properties): tensorboard.hparams.HParamInfo;

            /**
             * Encodes the specified HParamInfo message. Does not implicitly {@link tensorboard.hparams.HParamInfo.verify|verify} messages.
             * @param message HParamInfo message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: tensorboard.hparams.HParamInfo.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a HParamInfo message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {tensorboard.hparams.HParamInfo & tensorboard.hparams.HParamInfo.$Shape} HParamInfo
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tensorboard.hparams.HParamInfo & tensorboard.hparams.HParamInfo.$Shape;
        }

        namespace HParamInfo {

            /** Properties of a HParamInfo. */
            interface $Properties {

                /** HParamInfo name */
                name?: (string|null);

                /** HParamInfo displayName */
                displayName?: (string|null);

                /** HParamInfo description */
                description?: (string|null);

                /** HParamInfo type */
                type?: (tensorboard.hparams.DataType|null);

                /** HParamInfo domainDiscrete */
                domainDiscrete?: (google.protobuf.ListValue.$Properties|null);

                /** HParamInfo domainInterval */
                domainInterval?: (tensorboard.hparams.Interval.$Properties|null);

                /** HParamInfo domain */
                domain?: ("domainDiscrete"|"domainInterval");

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Narrowed shape of a HParamInfo. */
            type $Shape = {
              name?: string|null;
              displayName?: string|null;
              description?: string|null;
              type?: tensorboard.hparams.DataType|null;
              domainDiscrete?: google.protobuf.ListValue.$Shape|null;
              domainInterval?: tensorboard.hparams.Interval.$Shape|null;
              $unknowns?: Uint8Array[];
            } & (
              ({ domain?: undefined; domainDiscrete?: null; domainInterval?: null }|{ domain?: "domainDiscrete"; domainDiscrete: google.protobuf.ListValue.$Shape; domainInterval?: null }|{ domain?: "domainInterval"; domainDiscrete?: null; domainInterval: tensorboard.hparams.Interval.$Shape })
            );
        }

        /**
         * Properties of a MetricName.
         * @deprecated Use tensorboard.hparams.MetricName.$Properties instead.
         */
        interface IMetricName extends tensorboard.hparams.MetricName.$Properties {
        }

        /** Represents a MetricName. */
        class MetricName {

            /**
             * Constructs a new MetricName.
             * @param [properties] Properties to set
             */
            constructor(properties?: tensorboard.hparams.MetricName.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** MetricName group. */
            group: string;

            /** MetricName tag. */
            tag: string;

            /**
             * Creates a new MetricName instance using the specified properties.
             * @param [properties] Properties to set
             * @returns MetricName instance
             */
            static create(properties: tensorboard.hparams.MetricName.$Shape): tensorboard.hparams.MetricName & tensorboard.hparams.MetricName.$Shape;
            static create(properties?: tensorboard.hparams.MetricName.$Properties): tensorboard.hparams.MetricName;

            /**
             * Encodes the specified MetricName message. Does not implicitly {@link tensorboard.hparams.MetricName.verify|verify} messages.
             * @param message MetricName message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: tensorboard.hparams.MetricName.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a MetricName message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {tensorboard.hparams.MetricName & tensorboard.hparams.MetricName.$Shape} MetricName
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tensorboard.hparams.MetricName & tensorboard.hparams.MetricName.$Shape;
        }

        namespace MetricName {

            /** Properties of a MetricName. */
            interface $Properties {

                /** MetricName group */
                group?: (string|null);

                /** MetricName tag */
                tag?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a MetricName. */
            type $Shape = tensorboard.hparams.MetricName.$Properties;
        }

        /**
         * Properties of a MetricInfo.
         * @deprecated Use tensorboard.hparams.MetricInfo.$Properties instead.
         */
        interface IMetricInfo extends tensorboard.hparams.MetricInfo.$Properties {
        }

        /** Represents a MetricInfo. */
        class MetricInfo {

            /**
             * Constructs a new MetricInfo.
             * @param [properties] Properties to set
             */
            constructor(properties?: tensorboard.hparams.MetricInfo.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** MetricInfo name. */
            name?: (tensorboard.hparams.MetricName.$Properties|null);

            /** MetricInfo displayName. */
            displayName: string;

            /** MetricInfo description. */
            description: string;

            /** MetricInfo datasetType. */
            datasetType: tensorboard.hparams.DatasetType;

            /**
             * Creates a new MetricInfo instance using the specified properties.
             * @param [properties] Properties to set
             * @returns MetricInfo instance
             */
            static create(properties: tensorboard.hparams.MetricInfo.$Shape): tensorboard.hparams.MetricInfo & tensorboard.hparams.MetricInfo.$Shape;
            static create(properties?: tensorboard.hparams.MetricInfo.$Properties): tensorboard.hparams.MetricInfo;

            /**
             * Encodes the specified MetricInfo message. Does not implicitly {@link tensorboard.hparams.MetricInfo.verify|verify} messages.
             * @param message MetricInfo message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: tensorboard.hparams.MetricInfo.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a MetricInfo message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {tensorboard.hparams.MetricInfo & tensorboard.hparams.MetricInfo.$Shape} MetricInfo
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tensorboard.hparams.MetricInfo & tensorboard.hparams.MetricInfo.$Shape;
        }

        namespace MetricInfo {

            /** Properties of a MetricInfo. */
            interface $Properties {

                /** MetricInfo name */
                name?: (tensorboard.hparams.MetricName.$Properties|null);

                /** MetricInfo displayName */
                displayName?: (string|null);

                /** MetricInfo description */
                description?: (string|null);

                /** MetricInfo datasetType */
                datasetType?: (tensorboard.hparams.DatasetType|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a MetricInfo. */
            type $Shape = tensorboard.hparams.MetricInfo.$Properties;
        }

        /**
         * Properties of an Experiment.
         * @deprecated Use tensorboard.hparams.Experiment.$Properties instead.
         */
        interface IExperiment extends tensorboard.hparams.Experiment.$Properties {
        }

        /** Represents an Experiment. */
        class Experiment {

            /**
             * Constructs a new Experiment.
             * @param [properties] Properties to set
             */
            constructor(properties?: tensorboard.hparams.Experiment.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Experiment name. */
            name: string;

            /** Experiment description. */
            description: string;

            /** Experiment user. */
            user: string;

            /** Experiment timeCreatedSecs. */
            timeCreatedSecs: number;

            /** Experiment hparamInfos. */
            hparamInfos: tensorboard.hparams.HParamInfo.$Properties[];

            /** Experiment metricInfos. */
            metricInfos: tensorboard.hparams.MetricInfo.$Properties[];

            /**
             * Creates a new Experiment instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Experiment instance
             */
            static create(properties: tensorboard.hparams.Experiment.$Shape): tensorboard.hparams.Experiment & tensorboard.hparams.Experiment.$Shape;
            static create(properties?: tensorboard.hparams.Experiment.$Properties): tensorboard.hparams.Experiment;

            /**
             * Encodes the specified Experiment message. Does not implicitly {@link tensorboard.hparams.Experiment.verify|verify} messages.
             * @param message Experiment message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: tensorboard.hparams.Experiment.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an Experiment message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {tensorboard.hparams.Experiment & tensorboard.hparams.Experiment.$Shape} Experiment
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tensorboard.hparams.Experiment & tensorboard.hparams.Experiment.$Shape;
        }

        namespace Experiment {

            /** Properties of an Experiment. */
            interface $Properties {

                /** Experiment name */
                name?: (string|null);

                /** Experiment description */
                description?: (string|null);

                /** Experiment user */
                user?: (string|null);

                /** Experiment timeCreatedSecs */
                timeCreatedSecs?: (number|null);

                /** Experiment hparamInfos */
                hparamInfos?: (tensorboard.hparams.HParamInfo.$Properties[]|null);

                /** Experiment metricInfos */
                metricInfos?: (tensorboard.hparams.MetricInfo.$Properties[]|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of an Experiment. */
            type $Shape = {
              name?: string|null;
              description?: string|null;
              user?: string|null;
              timeCreatedSecs?: number|null;
              hparamInfos?: tensorboard.hparams.HParamInfo.$Shape[]|null;
              metricInfos?: tensorboard.hparams.MetricInfo.$Shape[]|null;
              $unknowns?: Uint8Array[];
            };
        }

        /**
         * Properties of a SessionStartInfo.
         * @deprecated Use tensorboard.hparams.SessionStartInfo.$Properties instead.
         */
        interface ISessionStartInfo extends tensorboard.hparams.SessionStartInfo.$Properties {
        }

        /** Represents a SessionStartInfo. */
        class SessionStartInfo {

            /**
             * Constructs a new SessionStartInfo.
             * @param [properties] Properties to set
             */
            constructor(properties?: tensorboard.hparams.SessionStartInfo.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** SessionStartInfo hparams. */
            hparams: { [k: string]: google.protobuf.Value.$Properties };

            /** SessionStartInfo modelUri. */
            modelUri: string;

            /** SessionStartInfo monitorUrl. */
            monitorUrl: string;

            /** SessionStartInfo groupName. */
            groupName: string;

            /** SessionStartInfo startTimeSecs. */
            startTimeSecs: number;

            /**
             * Creates a new SessionStartInfo instance using the specified properties.
             * @param [properties] Properties to set
             * @returns SessionStartInfo instance
             */
            static create(properties: tensorboard.hparams.SessionStartInfo.$Shape): tensorboard.hparams.SessionStartInfo & tensorboard.hparams.SessionStartInfo.$Shape;
            static create(properties?: tensorboard.hparams.SessionStartInfo.$Properties): tensorboard.hparams.SessionStartInfo;

            /**
             * Encodes the specified SessionStartInfo message. Does not implicitly {@link tensorboard.hparams.SessionStartInfo.verify|verify} messages.
             * @param message SessionStartInfo message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: tensorboard.hparams.SessionStartInfo.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a SessionStartInfo message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {tensorboard.hparams.SessionStartInfo & tensorboard.hparams.SessionStartInfo.$Shape} SessionStartInfo
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tensorboard.hparams.SessionStartInfo & tensorboard.hparams.SessionStartInfo.$Shape;
        }

        namespace SessionStartInfo {

            /** Properties of a SessionStartInfo. */
            interface $Properties {

                /** SessionStartInfo hparams */
                hparams?: ({ [k: string]: google.protobuf.Value.$Properties }|null);

                /** SessionStartInfo modelUri */
                modelUri?: (string|null);

                /** SessionStartInfo monitorUrl */
                monitorUrl?: (string|null);

                /** SessionStartInfo groupName */
                groupName?: (string|null);

                /** SessionStartInfo startTimeSecs */
                startTimeSecs?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a SessionStartInfo. */
            type $Shape = {
              hparams?: { [k: string]: google.protobuf.Value.$Shape }|null;
              modelUri?: string|null;
              monitorUrl?: string|null;
              groupName?: string|null;
              startTimeSecs?: number|null;
              $unknowns?: Uint8Array[];
            };
        }

        /**
         * Properties of a SessionEndInfo.
         * @deprecated Use tensorboard.hparams.SessionEndInfo.$Properties instead.
         */
        interface ISessionEndInfo extends tensorboard.hparams.SessionEndInfo.$Properties {
        }

        /** Represents a SessionEndInfo. */
        class SessionEndInfo {

            /**
             * Constructs a new SessionEndInfo.
             * @param [properties] Properties to set
             */
            constructor(properties?: tensorboard.hparams.SessionEndInfo.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** SessionEndInfo status. */
            status: tensorboard.hparams.Status;

            /** SessionEndInfo endTimeSecs. */
            endTimeSecs: number;

            /**
             * Creates a new SessionEndInfo instance using the specified properties.
             * @param [properties] Properties to set
             * @returns SessionEndInfo instance
             */
            static create(properties: tensorboard.hparams.SessionEndInfo.$Shape): tensorboard.hparams.SessionEndInfo & tensorboard.hparams.SessionEndInfo.$Shape;
            static create(properties?: tensorboard.hparams.SessionEndInfo.$Properties): tensorboard.hparams.SessionEndInfo;

            /**
             * Encodes the specified SessionEndInfo message. Does not implicitly {@link tensorboard.hparams.SessionEndInfo.verify|verify} messages.
             * @param message SessionEndInfo message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: tensorboard.hparams.SessionEndInfo.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a SessionEndInfo message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {tensorboard.hparams.SessionEndInfo & tensorboard.hparams.SessionEndInfo.$Shape} SessionEndInfo
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tensorboard.hparams.SessionEndInfo & tensorboard.hparams.SessionEndInfo.$Shape;
        }

        namespace SessionEndInfo {

            /** Properties of a SessionEndInfo. */
            interface $Properties {

                /** SessionEndInfo status */
                status?: (tensorboard.hparams.Status|null);

                /** SessionEndInfo endTimeSecs */
                endTimeSecs?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a SessionEndInfo. */
            type $Shape = tensorboard.hparams.SessionEndInfo.$Properties;
        }

        /**
         * Properties of a HParamsPluginData.
         * @deprecated Use tensorboard.hparams.HParamsPluginData.$Properties instead.
         */
        interface IHParamsPluginData extends tensorboard.hparams.HParamsPluginData.$Properties {
        }

        /** Represents a HParamsPluginData. */
        class HParamsPluginData {

            /**
             * Constructs a new HParamsPluginData.
             * @param [properties] Properties to set
             */
            constructor(properties?: tensorboard.hparams.HParamsPluginData.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** HParamsPluginData version. */
            version: number;

            /** HParamsPluginData experiment. */
            experiment?: (tensorboard.hparams.Experiment.$Properties|null);

            /** HParamsPluginData sessionStartInfo. */
            sessionStartInfo?: (tensorboard.hparams.SessionStartInfo.$Properties|null);

            /** HParamsPluginData sessionEndInfo. */
            sessionEndInfo?: (tensorboard.hparams.SessionEndInfo.$Properties|null);

            /** HParamsPluginData data. */
            data?: ("experiment"|"sessionStartInfo"|"sessionEndInfo");

            /**
             * Creates a new HParamsPluginData instance using the specified properties.
             * @param [properties] Properties to set
             * @returns HParamsPluginData instance
             */
            static create(properties: tensorboard.hparams.HParamsPluginData.$Shape): tensorboard.hparams.HParamsPluginData & tensorboard.hparams.HParamsPluginData.$Shape;
            static create(properties?: tensorboard.hparams.HParamsPluginData.$Properties): tensorboard.hparams.HParamsPluginData;

            /**
             * Encodes the specified HParamsPluginData message. Does not implicitly {@link tensorboard.hparams.HParamsPluginData.verify|verify} messages.
             * @param message HParamsPluginData message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: tensorboard.hparams.HParamsPluginData.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a HParamsPluginData message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {tensorboard.hparams.HParamsPluginData & tensorboard.hparams.HParamsPluginData.$Shape} HParamsPluginData
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tensorboard.hparams.HParamsPluginData & tensorboard.hparams.HParamsPluginData.$Shape;
        }

        namespace HParamsPluginData {

            /** Properties of a HParamsPluginData. */
            interface $Properties {

                /** HParamsPluginData version */
                version?: (number|null);

                /** HParamsPluginData experiment */
                experiment?: (tensorboard.hparams.Experiment.$Properties|null);

                /** HParamsPluginData sessionStartInfo */
                sessionStartInfo?: (tensorboard.hparams.SessionStartInfo.$Properties|null);

                /** HParamsPluginData sessionEndInfo */
                sessionEndInfo?: (tensorboard.hparams.SessionEndInfo.$Properties|null);

                /** HParamsPluginData data */
                data?: ("experiment"|"sessionStartInfo"|"sessionEndInfo");

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Narrowed shape of a HParamsPluginData. */
            type $Shape = {
              version?: number|null;
              experiment?: tensorboard.hparams.Experiment.$Shape|null;
              sessionStartInfo?: tensorboard.hparams.SessionStartInfo.$Shape|null;
              sessionEndInfo?: tensorboard.hparams.SessionEndInfo.$Shape|null;
              $unknowns?: Uint8Array[];
            } & (
              ({ data?: undefined; experiment?: null; sessionStartInfo?: null; sessionEndInfo?: null }|{ data?: "experiment"; experiment: tensorboard.hparams.Experiment.$Shape; sessionStartInfo?: null; sessionEndInfo?: null }|{ data?: "sessionStartInfo"; experiment?: null; sessionStartInfo: tensorboard.hparams.SessionStartInfo.$Shape; sessionEndInfo?: null }|{ data?: "sessionEndInfo"; experiment?: null; sessionStartInfo?: null; sessionEndInfo: tensorboard.hparams.SessionEndInfo.$Shape })
            );
        }
    }

    /**
     * Properties of a MultilineChartContent.
     * @deprecated Use tensorboard.MultilineChartContent.$Properties instead.
     */
    interface IMultilineChartContent extends tensorboard.MultilineChartContent.$Properties {
    }

    /** Represents a MultilineChartContent. */
    class MultilineChartContent {

        /**
         * Constructs a new MultilineChartContent.
         * @param [properties] Properties to set
         */
        constructor(properties?: tensorboard.MultilineChartContent.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** MultilineChartContent tag. */
        tag: string[];

        /**
         * Creates a new MultilineChartContent instance using the specified properties.
         * @param [properties] Properties to set
         * @returns MultilineChartContent instance
         */
        static create(properties: tensorboard.MultilineChartContent.$Shape): tensorboard.MultilineChartContent & tensorboard.MultilineChartContent.$Shape;
        static create(properties?: tensorboard.MultilineChartContent.$Properties): tensorboard.MultilineChartContent;

        /**
         * Encodes the specified MultilineChartContent message. Does not implicitly {@link tensorboard.MultilineChartContent.verify|verify} messages.
         * @param message MultilineChartContent message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: tensorboard.MultilineChartContent.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a MultilineChartContent message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {tensorboard.MultilineChartContent & tensorboard.MultilineChartContent.$Shape} MultilineChartContent
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tensorboard.MultilineChartContent & tensorboard.MultilineChartContent.$Shape;
    }

    namespace MultilineChartContent {

        /** Properties of a MultilineChartContent. */
        interface $Properties {

            /** MultilineChartContent tag */
            tag?: (string[]|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a MultilineChartContent. */
        type $Shape = tensorboard.MultilineChartContent.$Properties;
    }

    /**
     * Properties of a MarginChartContent.
     * @deprecated Use tensorboard.MarginChartContent.$Properties instead.
     */
    interface IMarginChartContent extends tensorboard.MarginChartContent.$Properties {
    }

    /** Represents a MarginChartContent. */
    class MarginChartContent {

        /**
         * Constructs a new MarginChartContent.
         * @param [properties] Properties to set
         */
        constructor(properties?: tensorboard.MarginChartContent.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** MarginChartContent series. */
        series: tensorboard.MarginChartContent.Series.$Properties[];

        /**
         * Creates a new MarginChartContent instance using the specified properties.
         * @param [properties] Properties to set
         * @returns MarginChartContent instance
         */
        static create(properties: tensorboard.MarginChartContent.$Shape): tensorboard.MarginChartContent & tensorboard.MarginChartContent.$Shape;
        static create(properties?: tensorboard.MarginChartContent.$Properties): tensorboard.MarginChartContent;

        /**
         * Encodes the specified MarginChartContent message. Does not implicitly {@link tensorboard.MarginChartContent.verify|verify} messages.
         * @param message MarginChartContent message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: tensorboard.MarginChartContent.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a MarginChartContent message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {tensorboard.MarginChartContent & tensorboard.MarginChartContent.$Shape} MarginChartContent
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tensorboard.MarginChartContent & tensorboard.MarginChartContent.$Shape;
    }

    namespace MarginChartContent {

        /** Properties of a MarginChartContent. */
        interface $Properties {

            /** MarginChartContent series */
            series?: (tensorboard.MarginChartContent.Series.$Properties[]|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a MarginChartContent. */
        type $Shape = tensorboard.MarginChartContent.$Properties;

        /**
         * Properties of a Series.
         * @deprecated Use tensorboard.MarginChartContent.Series.$Properties instead.
         */
        interface ISeries extends tensorboard.MarginChartContent.Series.$Properties {
        }

        /** Represents a Series. */
        class Series {

            /**
             * Constructs a new Series.
             * @param [properties] Properties to set
             */
            constructor(properties?: tensorboard.MarginChartContent.Series.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Series value. */
            value: string;

            /** Series lower. */
            lower: string;

            /** Series upper. */
            upper: string;

            /**
             * Creates a new Series instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Series instance
             */
            static create(properties: tensorboard.MarginChartContent.Series.$Shape): tensorboard.MarginChartContent.Series & tensorboard.MarginChartContent.Series.$Shape;
            static create(properties?: tensorboard.MarginChartContent.Series.$Properties): tensorboard.MarginChartContent.Series;

            /**
             * Encodes the specified Series message. Does not implicitly {@link tensorboard.MarginChartContent.Series.verify|verify} messages.
             * @param message Series message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: tensorboard.MarginChartContent.Series.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Series message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {tensorboard.MarginChartContent.Series & tensorboard.MarginChartContent.Series.$Shape} Series
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tensorboard.MarginChartContent.Series & tensorboard.MarginChartContent.Series.$Shape;
        }

        namespace Series {

            /** Properties of a Series. */
            interface $Properties {

                /** Series value */
                value?: (string|null);

                /** Series lower */
                lower?: (string|null);

                /** Series upper */
                upper?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a Series. */
            type $Shape = tensorboard.MarginChartContent.Series.$Properties;
        }
    }

    /**
     * Properties of a Chart.
     * @deprecated Use tensorboard.Chart.$Properties instead.
     */
    interface IChart extends tensorboard.Chart.$Properties {
    }

    /** Represents a Chart. */
    class Chart {

        /**
         * Constructs a new Chart.
         * @param [properties] Properties to set
         */
        constructor(properties?: tensorboard.Chart.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** Chart title. */
        title: string;

        /** Chart multiline. */
        multiline?: (tensorboard.MultilineChartContent.$Properties|null);

        /** Chart margin. */
        margin?: (tensorboard.MarginChartContent.$Properties|null);

        /** Chart content. */
        content?: ("multiline"|"margin");

        /**
         * Creates a new Chart instance using the specified properties.
         * @param [properties] Properties to set
         * @returns Chart instance
         */
        static create(properties: tensorboard.Chart.$Shape): tensorboard.Chart & tensorboard.Chart.$Shape;
        static create(properties?: tensorboard.Chart.$Properties): tensorboard.Chart;

        /**
         * Encodes the specified Chart message. Does not implicitly {@link tensorboard.Chart.verify|verify} messages.
         * @param message Chart message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: tensorboard.Chart.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a Chart message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {tensorboard.Chart & tensorboard.Chart.$Shape} Chart
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tensorboard.Chart & tensorboard.Chart.$Shape;
    }

    namespace Chart {

        /** Properties of a Chart. */
        interface $Properties {

            /** Chart title */
            title?: (string|null);

            /** Chart multiline */
            multiline?: (tensorboard.MultilineChartContent.$Properties|null);

            /** Chart margin */
            margin?: (tensorboard.MarginChartContent.$Properties|null);

            /** Chart content */
            content?: ("multiline"|"margin");

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Narrowed shape of a Chart. */
        type $Shape = {
          title?: string|null;
          multiline?: tensorboard.MultilineChartContent.$Shape|null;
          margin?: tensorboard.MarginChartContent.$Shape|null;
          $unknowns?: Uint8Array[];
        } & (
          ({ content?: undefined; multiline?: null; margin?: null }|{ content?: "multiline"; multiline: tensorboard.MultilineChartContent.$Shape; margin?: null }|{ content?: "margin"; multiline?: null; margin: tensorboard.MarginChartContent.$Shape })
        );
    }

    /**
     * Properties of a Category.
     * @deprecated Use tensorboard.Category.$Properties instead.
     */
    interface ICategory extends tensorboard.Category.$Properties {
    }

    /** Represents a Category. */
    class Category {

        /**
         * Constructs a new Category.
         * @param [properties] Properties to set
         */
        constructor(properties?: tensorboard.Category.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** Category title. */
        title: string;

        /** Category chart. */
        chart: tensorboard.Chart.$Properties[];

        /** Category closed. */
        closed: boolean;

        /**
         * Creates a new Category instance using the specified properties.
         * @param [properties] Properties to set
         * @returns Category instance
         */
        static create(properties: tensorboard.Category.$Shape): tensorboard.Category & tensorboard.Category.$Shape;
        static create(properties?: tensorboard.Category.$Properties): tensorboard.Category;

        /**
         * Encodes the specified Category message. Does not implicitly {@link tensorboard.Category.verify|verify} messages.
         * @param message Category message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: tensorboard.Category.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a Category message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {tensorboard.Category & tensorboard.Category.$Shape} Category
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tensorboard.Category & tensorboard.Category.$Shape;
    }

    namespace Category {

        /** Properties of a Category. */
        interface $Properties {

            /** Category title */
            title?: (string|null);

            /** Category chart */
            chart?: (tensorboard.Chart.$Properties[]|null);

            /** Category closed */
            closed?: (boolean|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a Category. */
        type $Shape = {
          title?: string|null;
          chart?: tensorboard.Chart.$Shape[]|null;
          closed?: boolean|null;
          $unknowns?: Uint8Array[];
        };
    }

    /**
     * Properties of a Layout.
     * @deprecated Use tensorboard.Layout.$Properties instead.
     */
    interface ILayout extends tensorboard.Layout.$Properties {
    }

    /** Represents a Layout. */
    class Layout {

        /**
         * Constructs a new Layout.
         * @param [properties] Properties to set
         */
        constructor(properties?: tensorboard.Layout.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** Layout version. */
        version: number;

        /** Layout category. */
        category: tensorboard.Category.$Properties[];

        /**
         * Creates a new Layout instance using the specified properties.
         * @param [properties] Properties to set
         * @returns Layout instance
         */
        static create(properties: tensorboard.Layout.$Shape): tensorboard.Layout & tensorboard.Layout.$Shape;
        static create(properties?: tensorboard.Layout.$Properties): tensorboard.Layout;

        /**
         * Encodes the specified Layout message. Does not implicitly {@link tensorboard.Layout.verify|verify} messages.
         * @param message Layout message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: tensorboard.Layout.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a Layout message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {tensorboard.Layout & tensorboard.Layout.$Shape} Layout
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tensorboard.Layout & tensorboard.Layout.$Shape;
    }

    namespace Layout {

        /** Properties of a Layout. */
        interface $Properties {

            /** Layout version */
            version?: (number|null);

            /** Layout category */
            category?: (tensorboard.Category.$Properties[]|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a Layout. */
        type $Shape = {
          version?: number|null;
          category?: tensorboard.Category.$Shape[]|null;
          $unknowns?: Uint8Array[];
        };
    }
}

/** Namespace google. */
export namespace google {

    /** Namespace protobuf. */
    namespace protobuf {

        /**
         * Properties of a Struct.
         * @deprecated Use google.protobuf.Struct.$Properties instead.
         */
        interface IStruct extends google.protobuf.Struct.$Properties {
        }

        /** Represents a Struct. */
        class Struct {

            /**
             * Constructs a new Struct.
             * @param [properties] Properties to set
             */
            constructor(properties?: google.protobuf.Struct.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Struct fields. */
            fields: { [k: string]: google.protobuf.Value.$Properties };

            /**
             * Creates a new Struct instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Struct instance
             */
            static create(properties: google.protobuf.Struct.$Shape): google.protobuf.Struct & google.protobuf.Struct.$Shape;
            static create(properties?: google.protobuf.Struct.$Properties): google.protobuf.Struct;

            /**
             * Encodes the specified Struct message. Does not implicitly {@link google.protobuf.Struct.verify|verify} messages.
             * @param message Struct message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: google.protobuf.Struct.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Struct message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {google.protobuf.Struct & google.protobuf.Struct.$Shape} Struct
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): google.protobuf.Struct & google.protobuf.Struct.$Shape;
        }

        namespace Struct {

            /** Properties of a Struct. */
            interface $Properties {

                /** Struct fields */
                fields?: ({ [k: string]: google.protobuf.Value.$Properties }|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a Struct. */
            type $Shape = {
              fields?: { [k: string]: google.protobuf.Value.$Shape }|null;
              $unknowns?: Uint8Array[];
            };
        }

        /**
         * Properties of a Value.
         * @deprecated Use google.protobuf.Value.$Properties instead.
         */
        interface IValue extends google.protobuf.Value.$Properties {
        }

        /** Represents a Value. */
        class Value {

            /**
             * Constructs a new Value.
             * @param [properties] Properties to set
             */
            constructor(properties?: google.protobuf.Value.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Value nullValue. */
            nullValue?: (google.protobuf.NullValue|null);

            /** Value numberValue. */
            numberValue?: (number|null);

            /** Value stringValue. */
            stringValue?: (string|null);

            /** Value boolValue. */
            boolValue?: (boolean|null);

            /** Value structValue. */
            structValue?: (google.protobuf.Struct.$Properties|null);

            /** Value listValue. */
            listValue?: (google.protobuf.ListValue.$Properties|null);

            /** Value kind. */
            kind?: ("nullValue"|"numberValue"|"stringValue"|"boolValue"|"structValue"|"listValue");

            /**
             * Creates a new Value instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Value instance
             */
            static create(properties: google.protobuf.Value.$Shape): google.protobuf.Value & google.protobuf.Value.$Shape;
            static create(properties?: google.protobuf.Value.$Properties): google.protobuf.Value;

            /**
             * Encodes the specified Value message. Does not implicitly {@link google.protobuf.Value.verify|verify} messages.
             * @param message Value message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: google.protobuf.Value.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Value message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {google.protobuf.Value & google.protobuf.Value.$Shape} Value
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): google.protobuf.Value & google.protobuf.Value.$Shape;
        }

        namespace Value {

            /** Properties of a Value. */
            interface $Properties {

                /** Value nullValue */
                nullValue?: (google.protobuf.NullValue|null);

                /** Value numberValue */
                numberValue?: (number|null);

                /** Value stringValue */
                stringValue?: (string|null);

                /** Value boolValue */
                boolValue?: (boolean|null);

                /** Value structValue */
                structValue?: (google.protobuf.Struct.$Properties|null);

                /** Value listValue */
                listValue?: (google.protobuf.ListValue.$Properties|null);

                /** Value kind */
                kind?: ("nullValue"|"numberValue"|"stringValue"|"boolValue"|"structValue"|"listValue");

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Narrowed shape of a Value. */
            type $Shape = {
              nullValue?: google.protobuf.NullValue|null;
              numberValue?: number|null;
              stringValue?: string|null;
              boolValue?: boolean|null;
              structValue?: google.protobuf.Struct.$Shape|null;
              listValue?: google.protobuf.ListValue.$Shape|null;
              $unknowns?: Uint8Array[];
            } & (
              ({ kind?: undefined; nullValue?: null; numberValue?: null; stringValue?: null; boolValue?: null; structValue?: null; listValue?: null }|{ kind?: "nullValue"; nullValue: google.protobuf.NullValue; numberValue?: null; stringValue?: null; boolValue?: null; structValue?: null; listValue?: null }|{ kind?: "numberValue"; nullValue?: null; numberValue: number; stringValue?: null; boolValue?: null; structValue?: null; listValue?: null }|{ kind?: "stringValue"; nullValue?: null; numberValue?: null; stringValue: string; boolValue?: null; structValue?: null; listValue?: null }|{ kind?: "boolValue"; nullValue?: null; numberValue?: null; stringValue?: null; boolValue: boolean; structValue?: null; listValue?: null }|{ kind?: "structValue"; nullValue?: null; numberValue?: null; stringValue?: null; boolValue?: null; structValue: google.protobuf.Struct.$Shape; listValue?: null }|{ kind?: "listValue"; nullValue?: null; numberValue?: null; stringValue?: null; boolValue?: null; structValue?: null; listValue: google.protobuf.ListValue.$Shape })
            );
        }

        /** NullValue enum. */
        enum NullValue {

            /** NULL_VALUE value */
            NULL_VALUE = 0
        }

        /**
         * Properties of a ListValue.
         * @deprecated Use google.protobuf.ListValue.$Properties instead.
         */
        interface IListValue extends google.protobuf.ListValue.$Properties {
        }

        /** Represents a ListValue. */
        class ListValue {

            /**
             * Constructs a new ListValue.
             * @param [properties] Properties to set
             */
            constructor(properties?: google.protobuf.ListValue.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** ListValue values. */
            values: google.protobuf.Value.$Properties[];

            /**
             * Creates a new ListValue instance using the specified properties.
             * @param [properties] Properties to set
             * @returns ListValue instance
             */
            static create(properties: google.protobuf.ListValue.$Shape): google.protobuf.ListValue & google.protobuf.ListValue.$Shape;
            static create(properties?: google.protobuf.ListValue.$Properties): google.protobuf.ListValue;

            /**
             * Encodes the specified ListValue message. Does not implicitly {@link google.protobuf.ListValue.verify|verify} messages.
             * @param message ListValue message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: google.protobuf.ListValue.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a ListValue message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {google.protobuf.ListValue & google.protobuf.ListValue.$Shape} ListValue
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): google.protobuf.ListValue & google.protobuf.ListValue.$Shape;
        }

        namespace ListValue {

            /** Properties of a ListValue. */
            interface $Properties {

                /** ListValue values */
                values?: (google.protobuf.Value.$Properties[]|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a ListValue. */
            type $Shape = {
              values?: google.protobuf.Value.$Shape[]|null;
              $unknowns?: Uint8Array[];
            };
        }
    }
}
