/*
 * memory.h - user accesses through the MMU, and the page-fault path.
 *
 * user_access() is what the CPU does when a process touches an address:
 * look in the TLB, else walk the page tables (setting Accessed, and Dirty
 * on a write, as the hardware does) and fill the TLB; if the walk or the
 * permission check fails, raise #PF and let the kernel's fault handler
 * fix the page tables, then try again.  A fault the kernel cannot fix
 * kills the process with SIGSEGV (or SIGBUS), as Linux would.
 */
#ifndef VMLAB_MM_MEMORY_H
#define VMLAB_MM_MEMORY_H

#include <stdbool.h>
#include <stdint.h>

struct machine;
struct task_struct;
struct vm_area_struct;

enum access_type { ACCESS_READ, ACCESS_WRITE, ACCESS_EXEC };

/* arch/x86/include/asm/trap_pf.h */
#define X86_PF_PROT	0x01
#define X86_PF_WRITE	0x02
#define X86_PF_USER	0x04
#define X86_PF_RSVD	0x08
#define X86_PF_INSTR	0x10

/* Linux's signal numbers and si_codes (prefixed: the host's <signal.h> has its own). */
#define FI_SIGBUS	7
#define FI_SIGKILL	9
#define FI_SIGSEGV	11
#define FI_SEGV_MAPERR	1
#define FI_SEGV_ACCERR	2
#define FI_BUS_ADRERR	2
#define FI_SI_KERNEL	0x80

/* How a process died of a fault: what siginfo and the kernel log say. */
struct fault_info {
	int signo;			/* FI_SIGSEGV, FI_SIGBUS, or FI_SIGKILL (the OOM killer) */
	int si_code;			/* SEGV_MAPERR, SEGV_ACCERR, BUS_ADRERR, SI_KERNEL */
	unsigned long addr;
	unsigned long error_code;
	int pid;
	char log[256];			/* the kernel's line: "app[1]: segfault at ..." */
};

/*
 * The current task of m->cpu accesses addr.  Returns 0 with *pfn the frame
 * the access reached, or:
 *   -EFAULT  the task got a fatal signal and has exited (fi says why;
 *            m->err has a sentence)
 *   -ENOMEM  no memory for the fault (the task lives; the access can be
 *            retried)
 *   -EFAULT  with fi->signo FI_SIGKILL: the OOM killer chose this task
 *            while its fault allocated; it is gone
 *   -ESRCH   no current task
 * cpl 0 makes it a kernel access (translate cpl=0): the U/S bit is not
 * checked and a failure is not a signal but -EFAULT with a sentence.
 */
int mmu_access(struct machine *m, unsigned long addr, enum access_type type, int cpl,
	       unsigned long *pfn, struct fault_info *fi);

static inline int user_access(struct machine *m, unsigned long addr, enum access_type type,
			      unsigned long *pfn, struct fault_info *fi)
{
	return mmu_access(m, addr, type, 3, pfn, fi);
}

/* A 64-bit load or store by the current task (addr 8-byte aligned). */
int user_read64(struct machine *m, unsigned long addr, uint64_t *val, struct fault_info *fi);
int user_write64(struct machine *m, unsigned long addr, uint64_t val, struct fault_info *fi);

/*
 * handle_mm_fault(): makes addr of vma accessible for the access in
 * error_code.  Returns 0 (*major says if the file had to be read), or
 * -ENOMEM, or -EFAULT with SIGBUS (a file page beyond the end of the file).
 */
int handle_mm_fault(struct machine *m, struct vm_area_struct *vma, unsigned long addr,
		    unsigned long error_code, bool *major);

/* The kernel's name of the signal code: "SEGV_MAPERR", ... */
const char *si_code_name(int signo, int si_code);

/* Canonical: bits 63..va_bits-1 all equal (x86_64); every 32-bit address is. */
bool canonical(const struct machine *m, unsigned long addr);

#endif
