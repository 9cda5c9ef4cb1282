# JupyterLab server settings for ./kit lab (scripts/lab.sh loads this file with --config).
c = get_config()  # noqa: F821 (Jupyter provides get_config when it loads this file)

# JupyterLab ignores status messages that answer kernel_info requests and learns that a kernel
# is idle from its reply to a history request. JJava does not answer history requests, so with
# the default list a page shows the kernel as "Unknown" and will not run cells. This is
# jupyter_server's default list without kernel_info_request and kernel_info_reply.
c.MappingKernelManager.untracked_message_types = [
    "comm_info_request", "comm_info_reply", "shutdown_request", "shutdown_reply",
    "interrupt_request", "interrupt_reply", "debug_request", "debug_reply", "stream",
    "display_data", "update_display_data", "execute_input", "execute_result", "error", "status",
    "clear_output", "debug_event", "input_request", "input_reply",
]
